// The Sankey chart type for the Migration view. ECharts modules are registered where they are used
// (charts/echarts.ts holds the rest); registering twice is harmless, so this can move there later.
import { SankeyChart } from 'echarts/charts';
import { echarts } from '../../charts/echarts.ts';

echarts.use([SankeyChart]);
