/** The app shell and the one list of routes: the frontend's counterpart of steady.app. */
import type { ComponentChildren, JSX } from 'preact';
import { ErrorBoundary, LocationProvider, Route, Router, lazy } from 'preact-iso';

import { Home } from './features/home/Home';
// Help now (the crisis screen) is part of the first download: it must never wait on anything.
import { Crisis } from './features/toolkit/Crisis';
import { Grounding } from './features/grounding/List';
import { BottomNav } from './shell/BottomNav';
import { Header } from './shell/Header';
import { UpdateBanner } from './shell/UpdateBanner';
import { Page } from './ui/page';

const Toolkit = lazy(() => import('./features/toolkit/Toolkit').then((m) => m.Toolkit));
const Setup = lazy(() => import('./features/toolkit/Setup').then((m) => m.Setup));
const ExercisePage = lazy(() => import('./features/grounding/pages').then((m) => m.ExercisePage));
const GroundNow = lazy(() => import('./features/grounding/pages').then((m) => m.GroundNow));
const CheckIn = lazy(() => import('./features/checkins/CheckIn').then((m) => m.CheckIn));
const History = lazy(() => import('./features/checkins/History').then((m) => m.History));
const Insights = lazy(() => import('./features/checkins/Insights').then((m) => m.Insights));
const LeavingShift = lazy(() => import('./features/checkins/LeavingShift').then((m) => m.LeavingShift));
const Today = lazy(() => import('./features/commitments/Today').then((m) => m.Today));
const Commitments = lazy(() => import('./features/commitments/Commitments').then((m) => m.Commitments));
const Reminders = lazy(() => import('./features/reminders/Reminders').then((m) => m.Reminders));
const YourData = lazy(() => import('./features/portability/YourData').then((m) => m.YourData));
const SignIn = lazy(() => import('./features/accounts/AuthForm').then((m) => m.SignIn));
const SignUp = lazy(() => import('./features/accounts/AuthForm').then((m) => m.SignUp));
const Sharing = lazy(() => import('./features/sharing/Sharing').then((m) => m.Sharing));
const Join = lazy(() => import('./features/sharing/Join').then((m) => m.Join));
const Compose = lazy(() => import('./features/sharing/Compose').then((m) => m.Compose));
const Inbox = lazy(() => import('./features/sharing/Inbox').then((m) => m.Inbox));
const Received = lazy(() => import('./features/sharing/Received').then((m) => m.Received));
const PeerTrustPage = lazy(() => import('./features/sharing/PeerTrustPage').then((m) => m.PeerTrustPage));
const SentSummary = lazy(() => import('./features/sharing/SentSummary').then((m) => m.SentSummary));
const Circles = lazy(() => import('./features/circles/Circles').then((m) => m.Circles));
const JoinCircle = lazy(() => import('./features/circles/JoinCircle').then((m) => m.JoinCircle));
const Circle = lazy(() => import('./features/circles/Circle').then((m) => m.Circle));
const HostCanSee = lazy(() => import('./features/accounts/HostCanSee').then((m) => m.HostCanSee));
const Recover = lazy(() => import('./features/accounts/Recover').then((m) => m.Recover));
const Account = lazy(() => import('./features/accounts/Account').then((m) => m.Account));

function NotFound(): JSX.Element {
  return (
    <Page title="Not found">
      <p>There's nothing here. </p>
      <p>
        <a href="/">Back to home</a>
      </p>
    </Page>
  );
}

/** Everything around the page: header, status, navigation. */
export function Frame({ children }: { children?: ComponentChildren }): JSX.Element {
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main">
        <UpdateBanner />
        {children}
      </main>
      <BottomNav />
    </>
  );
}

export function App(): JSX.Element {
  return (
    <LocationProvider>
      <Frame>
        <ErrorBoundary>
          <Router>
            <Route path="/" component={Home} />
            <Route path="/checkin" component={CheckIn} />
            <Route path="/checkin/history" component={History} />
            <Route path="/insights" component={Insights} />
            <Route path="/leaving-shift" component={LeavingShift} />
            <Route path="/today" component={Today} />
            <Route path="/commitments" component={Commitments} />
            <Route path="/reminders" component={Reminders} />
            <Route path="/your-data" component={YourData} />
            <Route path="/sign-in" component={SignIn} />
            <Route path="/sign-up" component={SignUp} />
            <Route path="/recover" component={Recover} />
            <Route path="/what-the-host-sees" component={HostCanSee} />
            <Route path="/account" component={Account} />
            <Route path="/crisis" component={Crisis} />
            <Route path="/toolkit" component={Toolkit} />
            <Route path="/toolkit/setup" component={Setup} />
            <Route path="/ground" component={Grounding} />
            <Route path="/ground/:id" component={ExercisePage} />
            <Route path="/ground-now" component={GroundNow} />
            <Route path="/share" component={Sharing} />
            <Route path="/share/compose" component={Compose} />
            <Route path="/share/inbox" component={Inbox} />
            <Route path="/share/inbox/:id" component={Received} />
            <Route path="/share/sent/:id" component={SentSummary} />
            <Route path="/share/peers/:id" component={PeerTrustPage} />
            <Route path="/join" component={Join} />
            <Route path="/circles" component={Circles} />
            <Route path="/circles/join" component={JoinCircle} />
            <Route path="/circles/:id" component={Circle} />
            <Route default component={NotFound} />
          </Router>
        </ErrorBoundary>
      </Frame>
    </LocationProvider>
  );
}
