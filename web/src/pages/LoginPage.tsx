import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth/AuthContext.tsx';
import { checkSignIn, safeNext, type SignInField, type SignInValues } from '../auth/validation.ts';
import { Button } from '../components/Button.tsx';
import { AuthPanel } from '../components/AuthPanel.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { FormProblem } from '../components/FormProblem.tsx';
import { TextField } from '../components/TextField.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useMemberForm } from '../hooks/useMemberForm.ts';

const emptySignIn: SignInValues = { login: '', password: '' };

export function LoginPage() {
  useDocumentTitle('Sign in');
  const { signIn, state } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');

  const form = useMemberForm<SignInField, SignInValues>({
    initial: emptySignIn,
    check: checkSignIn,
    labels: { login: 'Handle or email', password: 'Password' },
    async send(values) {
      await signIn({ login: values.login.trim(), password: values.password });
      void navigate(safeNext(next), { replace: true });
    },
  });

  const joinLink = next ? `/join?next=${encodeURIComponent(next)}` : '/join';
  // A member who is already signed in has nothing to do here.
  if (state.status === 'signed-in' && !form.busy) return <Navigate to={safeNext(next)} replace />;
  return (
    <AuthPanel
      title="Sign in"
      lede={next ? 'Sign in to carry on where you were.' : 'Welcome back to Coterie.'}
      aside={
        <>
          New to Coterie? <Link to={joinLink}>Join</Link>
        </>
      }
    >
      <form className="form" onSubmit={form.onSubmit} noValidate aria-describedby={form.problem ? 'signin-problem' : undefined}>
        <FormProblem id="signin-problem" problem={form.problem} />
        <TextField
          {...form.field('login')}
          label="Handle or email"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
        />
        <PasswordField {...form.field('password')} label="Password" autoComplete="current-password" required />
        <Button type="submit" size="lg" block loading={form.busy} loadingLabel="Signing in…">
          Sign in
        </Button>
      </form>
    </AuthPanel>
  );
}
