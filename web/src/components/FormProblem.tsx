import { Notice } from './Notice.tsx';

/** A form-wide problem (not tied to one field), referenced by the form's aria-describedby. */
export function FormProblem({ id, problem }: { id: string; problem: string | null }) {
  if (!problem) return null;
  return (
    <div id={id}>
      <Notice tone="danger">{problem}</Notice>
    </div>
  );
}
