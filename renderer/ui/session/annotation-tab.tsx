/**
 * The side panel's tab for the open annotation: its details
 * (`annotation-detail.tsx`), what the team said of it (disagreements and
 * history, `annotation-team.tsx`) and, for a claim, similar claims reviewed
 * before (`seen-before.tsx`).
 */
import { AnnotationDetail, type AnnotationDetailProps } from './annotation-detail';
import { AnnotationTeam, type AnnotationTeamProps } from './annotation-team';
import { SeenBefore, type SeenBeforeProps } from './seen-before';

export type AnnotationTabProps = AnnotationDetailProps &
  Pick<AnnotationTeamProps, 'team'> &
  Omit<SeenBeforeProps, 'annotation' | 'sessionId'>;

export function AnnotationTab(props: AnnotationTabProps) {
  const { annotation, readOnly } = props;
  return (
    <>
      <AnnotationDetail key={annotation.id} {...props} />
      <AnnotationTeam annotation={annotation} team={props.team} readOnly={readOnly} />
      {annotation.kind === 'claim' ? (
        <SeenBefore
          client={props.client}
          platform={props.platform}
          notices={props.notices}
          sessionId={props.session.id}
          annotation={annotation}
          onOpenSession={props.onOpenSession}
        />
      ) : null}
    </>
  );
}
