import type { ReportPeriod } from '@beacon/domain';
import type { ReportSummary } from '../api/get-report-summary';
import { demographicSections, referralSections } from '../utils/sections';
import { Breakdown } from './breakdown';
import { HeadlineFigures } from './headline-figures';
import { CaseloadSection, TimeSection, WardVisitsSection, WaitingTimesSection } from './measure-sections';

/** Every figure of a report, in order: the dashboard and the printed report show the same. */
export function ReportBody({
  summary,
  period,
  drill,
  print = false,
}: {
  summary: ReportSummary;
  period: ReportPeriod;
  /** Bars and figures link to their referrals (for those who may open the Referrals page). */
  drill: boolean;
  /** Tables open beside the charts, as on paper. */
  print?: boolean;
}) {
  const props = { summary, period, drill, tableOpen: print };
  return (
    <div className="report-body">
      <HeadlineFigures summary={summary} period={period} drill={drill} />
      <div className="report-grid">
        {referralSections(summary, period, drill).map(({ id, ...section }) => (
          <Breakdown key={id} id={id} {...section} tableOpen={print} />
        ))}
      </div>
      <WaitingTimesSection {...props} />
      <div className="report-grid">
        <CaseloadSection {...props} />
        <WardVisitsSection {...props} />
        <TimeSection {...props} />
      </div>
      <section className="report-part" aria-labelledby="equality-title">
        <h2 id="equality-title" className="report-part__title">
          Equality monitoring
        </h2>
        <p className="muted">
          The period’s referrals by the answers recorded for the person (optional questions; each may be
          “prefer not to say”, and “not recorded” means never asked). Small numbers can identify people: check
          before sharing outside the service.
        </p>
        <div className="report-grid">
          {demographicSections(summary, period, drill).map(({ id, ...section }) => (
            <Breakdown key={id} id={id} {...section} tableOpen={print} />
          ))}
        </div>
      </section>
    </div>
  );
}
