/// <reference types="office-js" />
/**
 * The ribbon's function file. The Home-tab button opens the task pane (a ShowTaskpane action),
 * which needs no code here; Office still loads this page for the ribbon, so it initializes
 * office.js and nothing else.
 */
Office.onReady(() => undefined);
