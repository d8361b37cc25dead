// One model's results, top to bottom: the clusters, the projection and the profile side by side,
// the members with one customer's explanation, and the ground-truth evaluation on sample data.
import { useApp } from '../../store/index.ts';
import { ClusterCards } from './ClusterCards.tsx';
import { ProjectionPanel } from './ProjectionPanel.tsx';
import { ProfilePanel } from './ProfilePanel.tsx';
import { MembersPanel } from './MembersPanel.tsx';
import { EvaluationPanel } from './EvaluationPanel.tsx';

export function ModelResults() {
  const hasEvaluation = useApp((s) => s.clusterModel?.evaluation != null);
  return (
    <>
      <ClusterCards />
      <div className="cl-pair">
        <ProjectionPanel />
        <ProfilePanel />
      </div>
      <MembersPanel />
      {hasEvaluation ? <EvaluationPanel /> : null}
    </>
  );
}
