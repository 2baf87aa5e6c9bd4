import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth/AuthContext.tsx';
import { checkJoin, HANDLE_MAX, HANDLE_MIN, PASSWORD_MIN, safeNext, type JoinField, type JoinValues } from '../auth/validation.ts';
import { Button } from '../components/Button.tsx';
import { AuthPanel } from '../components/AuthPanel.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { FormProblem } from '../components/FormProblem.tsx';
import { TextField } from '../components/TextField.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useMemberForm } from '../hooks/useMemberForm.ts';

const emptyJoin: JoinValues = { handle: '', email: '', password: '', display_name: '' };

export function JoinPage() {
  useDocumentTitle('Join');
  const { join, state } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');

  const form = useMemberForm<JoinField, JoinValues>({
    initial: emptyJoin,
    check: checkJoin,
    labels: { handle: 'Handle', email: 'Email', password: 'Password', display_name: 'Display name' },
    normalise: { handle: (value) => value.toLowerCase().replace(/\s/g, '') },
    async send(values) {
      const displayName = values.display_name.trim();
      await join({
        handle: values.handle,
        email: values.email.trim(),
        password: values.password,
        ...(displayName ? { display_name: displayName } : {}),
      });
      void navigate(safeNext(next), { replace: true });
    },
  });

  const signInLink = next ? `/login?next=${encodeURIComponent(next)}` : '/login';
  // A member who is already signed in has nothing to do here.
  if (state.status === 'signed-in' && !form.busy) return <Navigate to={safeNext(next)} replace />;
  return (
    <AuthPanel
      title="Join Coterie"
      lede="Follow the people and brands you love, share what you wear and shop it."
      aside={
        <>
          Already a member? <Link to={signInLink}>Sign in</Link>
        </>
      }
    >
      <form className="form" onSubmit={form.onSubmit} noValidate aria-describedby={form.problem ? 'join-problem' : undefined}>
        <FormProblem id="join-problem" problem={form.problem} />
        <TextField
          {...form.field('handle')}
          label="Handle"
          hint={`How others find you: ${HANDLE_MIN}–${HANDLE_MAX} lowercase letters, digits, dots or underscores.`}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={HANDLE_MAX + 10}
          required
        />
        <TextField {...form.field('email')} label="Email" type="email" autoComplete="email" inputMode="email" required />
        <PasswordField
          {...form.field('password')}
          label="Password"
          hint={`At least ${PASSWORD_MIN} characters.`}
          autoComplete="new-password"
          required
        />
        <TextField
          {...form.field('display_name')}
          label="Display name"
          optional
          hint="The name on your profile. Leave it empty to use your handle."
          autoComplete="name"
        />
        <Button type="submit" size="lg" block loading={form.busy} loadingLabel="Creating your account…">
          Join Coterie
        </Button>
      </form>
    </AuthPanel>
  );
}
