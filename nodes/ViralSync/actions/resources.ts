/** The ViralSync node's resources: adding an operation is one file and one line in its resource. */
import { account } from './account/Account.resource';
import { renderJob } from './renderJob/RenderJob.resource';

export const resources = [renderJob, account];
