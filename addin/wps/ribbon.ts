/**
 * The add-in's entry page in WPS (index.html): WPS reads ribbon.xml, loads this page in the
 * background and calls the callbacks ribbon.xml names, which must be global functions of this
 * page. The one button opens the task pane (taskpane.html next to this page), or shows and
 * hides it once open; its id is kept in PluginStorage, WPS's store shared by the add-in's pages.
 */
import { userMessage } from "../../analytics/findings/user-message.js";
import { ExcelTaskError } from "../host/task-error.js";
import { call, callObj, get, obj, put, type WpsObject } from "./jsapi.js";

/** The ribbon button of ribbon.xml. */
export const OPEN_PANE = "TaizhangOpenPane";
const PANE_ID_KEY = "taizhang.taskpane";
/** msoCTPDockPositionRight, where Excel docks its task panes too. */
const DOCK_RIGHT = 2;

interface RibbonControl {
  readonly Id: string;
}

function application(): WpsObject {
  const app = (window as { Application?: unknown }).Application;
  if (typeof app !== "object" || app === null) throw new ExcelTaskError(userMessage("pane-needs-wps"));
  return app;
}

/** The task pane's address: next to this page, wherever the add-in is hosted. */
export function paneUrl(base: string = window.location.href): string {
  return new URL("taskpane.html", base).href;
}

function togglePane(app: WpsObject): void {
  const storage = obj(app, "PluginStorage");
  const id = call<unknown>(storage, "getItem", PANE_ID_KEY);
  // A pane WPS has since closed for good is no longer found: then a new one is made.
  const existing = id !== null && id !== undefined && id !== "" ? call<unknown>(app, "GetTaskPane", id) : null;
  if (typeof existing === "object" && existing !== null) {
    put(existing, "Visible", !get(existing, "Visible"));
    return;
  }
  const pane = callObj(app, "CreateTaskPane", paneUrl());
  put(pane, "DockPosition", DOCK_RIGHT);
  put(pane, "Visible", true);
  call(storage, "setItem", PANE_ID_KEY, get(pane, "ID"));
}

function OnAddinLoad(_ribbonUI: unknown): boolean {
  return true;
}

function OnAction(control: RibbonControl): boolean {
  if (control.Id === OPEN_PANE) togglePane(application());
  return true;
}

function GetImage(_control: RibbonControl): string {
  return "assets/icon-32.png";
}

Object.assign(window, { OnAddinLoad, OnAction, GetImage });
