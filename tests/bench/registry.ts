/** Every benchmark, by name. Each prints its own figures through `report`. */
import { demoBench } from './demo.bench'
import { importBench } from './import.bench'
import { importFilesBench } from './import-files.bench'
import { predictionsBench } from './predictions.bench'
import { customersBench } from './customers.bench'
import { segmentsBench } from './segments.bench'
import { snapshotStepsBench } from './snapshot-steps.bench'
import { campaignsBench } from './campaigns.bench'
import { robustnessBench } from './robustness.bench'
import { serverBench } from './server.bench'
import { xlsxReadersBench } from './xlsx-readers.bench'
import { countModelsBench } from './count-models.bench'
import { onlineRetailBench } from './online-retail.bench'
import { topCustomersBench } from './top-customers.bench'
import { channelsBench } from './channels.bench'
import { hotCallsBench } from './hot-calls.bench'
import { backupsBench } from './backups.bench'
import { demoRemoveBench } from './demo-remove.bench'
import { printingBench } from './printing.bench'
import { callOutcomesBench } from './call-outcomes.bench'

export interface Benchmark {
  name: string
  description: string
  run(report: (line: string) => void): Promise<void>
}

export const benchmarks: Benchmark[] = [
  demoBench,
  demoRemoveBench,
  importBench,
  importFilesBench,
  predictionsBench,
  countModelsBench,
  onlineRetailBench,
  topCustomersBench,
  customersBench,
  segmentsBench,
  snapshotStepsBench,
  campaignsBench,
  robustnessBench,
  serverBench,
  channelsBench,
  hotCallsBench,
  callOutcomesBench,
  backupsBench,
  printingBench,
  xlsxReadersBench
]
