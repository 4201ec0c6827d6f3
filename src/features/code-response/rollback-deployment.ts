import { REPOSITORY_NAME } from "../../config/services-schema.js";
import { parseId } from "../../kernel/incident-id.js";
import type { RollbackStatusEvent } from "./decide-rollback.js";

/**
 * Which incident a `deployment_status` webhook belongs to, when its deployment is one
 * the app created for `/rollback`: only the app's own deployments count (anyone with
 * write access can create a deployment with any payload), and the payload must name
 * the incident as the app writes it.
 */
export interface RollbackDeployment {
  incident: { repository: string; number: number; id: string };
  status: RollbackStatusEvent;
}

interface DeploymentStatusPayload {
  deployment: { id: number; payload: unknown; creator: { login: string } | null };
  deployment_status: { state: string; created_at: string };
  repository: { full_name: string };
}

export function rollbackOfDeployment(
  payload: DeploymentStatusPayload,
  botLogin: string,
): RollbackDeployment | null {
  const { deployment, deployment_status: status, repository } = payload;
  if (deployment.creator?.login !== botLogin) return null;
  const incident = (deployment.payload as { incident?: Record<string, unknown> } | null)?.incident;
  const name = incident?.repository;
  const number = incident?.number;
  const id = incident?.id;
  if (typeof name !== "string" || !REPOSITORY_NAME.test(name)) return null;
  if (typeof number !== "number" || !Number.isSafeInteger(number) || number < 1) return null;
  if (typeof id !== "string" || !parseId(id)) return null;
  const at = new Date(status.created_at);
  if (Number.isNaN(at.getTime())) return null;
  return {
    incident: { repository: name, number, id },
    status: {
      repository: repository.full_name,
      deployment: deployment.id,
      status: { state: status.state, at },
    },
  };
}
