import { useParams } from 'react-router';
import { fetchTrendAlert, type TrendAlertDetail } from '../api/trends.ts';
import { ButtonLink } from '../components/Button.tsx';
import { Card } from '../components/Card.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { PhotoGrid } from '../components/photos/PhotoGrid.tsx';
import { ActivityChart } from '../components/radar/ActivityChart.tsx';
import { AlertActions } from '../components/radar/AlertActions.tsx';
import { StateBadge, StatusBadge } from '../components/radar/AlertBadges.tsx';
import { AlertFacts, CountsByType } from '../components/radar/AlertFacts.tsx';
import { AuditTrail } from '../components/radar/AuditTrail.tsx';
import { InventoryPanel } from '../components/radar/InventoryPanel.tsx';
import { kindLabels } from '../components/radar/radarWords.ts';
import { CityTimeline, CountryTable } from '../components/radar/SpreadTimeline.tsx';
import { LoadFailedPage } from '../components/RetryNotice.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useResource } from '../hooks/useResource.ts';
import { formatDateTime } from '../lib/dates.ts';
// See RadarPage: the radar's styles travel with its pages.

/** One alert at /radar/:id: its evidence, its inventory context, and the buyer's actions. */
export function RadarAlertPage() {
  const { id = '' } = useParams();
  const { state, retry, replace } = useResource(id, (signal) => fetchTrendAlert(id, signal));
  useDocumentTitle(state.status === 'ready' ? `${state.data.label} · Trend radar` : 'Trend radar');

  if (state.status === 'loading') return <PageLoading label="Loading the alert…" />;
  if (state.status === 'missing') {
    return (
      <div className="page">
        <PageHeader eyebrow="404" title="Alert not found" />
        <EmptyState icon="search" title="We can’t find this alert" action={<ButtonLink to="/radar" variant="secondary">Back to the radar</ButtonLink>}>
          <p>The link may be mistyped, or the alert may belong to another Coterie.</p>
        </EmptyState>
      </div>
    );
  }
  if (state.status === 'failed') {
    return <LoadFailedPage heading="Trend alert" title="We couldn’t load this alert" message={state.message} onRetry={retry} />;
  }
  return <AlertView alert={state.data} onChange={replace} />;
}

function AlertView({ alert, onChange }: { alert: TrendAlertDetail; onChange: (alert: TrendAlertDetail) => void }) {
  return (
    <div className="page radar-alert">
      <PageHeader
        eyebrow={`Trend radar · ${kindLabels[alert.kind]}`}
        title={alert.label}
        lede={`Raised ${formatDateTime(alert.detected_at)} · figures as of ${formatDateTime(alert.as_of)}`}
        actions={
          <div className="radar-alert__badges">
            <StatusBadge status={alert.status} />
            <StateBadge state={alert.state} />
          </div>
        }
      />
      <AlertFacts alert={alert} />
      <div className="radar-alert__layout">
        <div className="radar-alert__evidence">
          <Card as="section" aria-labelledby="alert-activity-title">
            <h2 id="alert-activity-title" className="summary__title">
              Activity
            </h2>
            <ActivityChart series={alert.sparkline} detectedAt={alert.detected_at} />
          </Card>
          <Card as="section" aria-labelledby="alert-counts-title">
            <h2 id="alert-counts-title" className="summary__title">
              Members by what they did, last 24 hours
            </h2>
            <CountsByType counts={alert.counts} />
          </Card>
          <Card as="section" aria-labelledby="alert-spread-title">
            <h2 id="alert-spread-title" className="summary__title">
              Spread
            </h2>
            <CityTimeline cities={alert.cities} />
            <CountryTable countries={alert.countries} />
          </Card>
          <Card as="section" aria-labelledby="alert-photos-title">
            <h2 id="alert-photos-title" className="summary__title">
              Member photos
            </h2>
            {alert.photos.length > 0 ? (
              <PhotoGrid photos={alert.photos} label={`Member photos of ${alert.label}, newest first`} />
            ) : (
              <p className="radar-muted">No member photos yet.</p>
            )}
          </Card>
        </div>
        <div className="radar-alert__side">
          <Card as="section" aria-labelledby="alert-act-title">
            <h2 id="alert-act-title" className="summary__title">
              Act on this alert
            </h2>
            <AlertActions alert={alert} onChange={onChange} />
          </Card>
          <Card as="section" aria-labelledby="alert-inventory-title">
            <h2 id="alert-inventory-title" className="summary__title">
              Inventory
            </h2>
            {alert.inventory ? (
              <InventoryPanel inventory={alert.inventory} />
            ) : (
              <p className="radar-muted">Hashtags have no stock of their own: look at the products in the photos.</p>
            )}
          </Card>
          <Card as="section" aria-labelledby="alert-trail-title">
            <h2 id="alert-trail-title" className="summary__title">
              Audit trail
            </h2>
            <AuditTrail actions={alert.actions} />
          </Card>
        </div>
      </div>
      <div className="button-row button-row--start">
        <ButtonLink to="/radar" variant="secondary">
          Back to the radar
        </ButtonLink>
      </div>
    </div>
  );
}
