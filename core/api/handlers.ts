// Every domain's handler group, merged into the one map the contract requires.
import { createRegistry, type Handlers } from './registry.ts';
import { appHandlers } from '../app/handlers.ts';
import { workspaceHandlers } from '../workspace/handlers.ts';
import { sampleHandlers } from '../sample/handlers.ts';
import { customerHandlers } from '../customers/handlers.ts';
import { fileHandlers } from '../files/handlers.ts';
import { importHandlers } from '../import/handlers.ts';
import { signalHandlers } from '../signals/handlers.ts';
import { clusterHandlers } from '../clusters/handlers.ts';
import { predictHandlers } from '../predict/handlers.ts';
import { ruleHandlers } from '../rules/handlers.ts';
import { migrationHandlers } from '../migration/handlers.ts';
import { economicsHandlers } from '../economics/handlers.ts';
import { exportHandlers } from '../export/handlers.ts';

export function allHandlers(): Handlers {
  return createRegistry([
    ['app', appHandlers],
    ['workspace', workspaceHandlers],
    ['sample', sampleHandlers],
    ['customers', customerHandlers],
    ['files', fileHandlers],
    ['import', importHandlers],
    ['signals', signalHandlers],
    ['clusters', clusterHandlers],
    ['predict', predictHandlers],
    ['rules', ruleHandlers],
    ['migration', migrationHandlers],
    ['economics', economicsHandlers],
    ['export', exportHandlers],
  ]);
}
