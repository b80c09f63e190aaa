// The only bridge between the sandboxed renderer and main: the contract's methods and a few
// native dialogs, each a single ipcRenderer.invoke, and two events from main (menu commands,
// cases to open). No Node or Electron object is exposed.
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { API_METHODS } from '../shared/api-methods'
import type { ChosenFile, ClaimdeskBridge, MenuAction, PlatformBridge } from '../shared/bridge'

type Reply = { result: unknown } | { error: unknown }

async function invoke(channel: string, args: unknown[]): Promise<unknown> {
  const reply = (await ipcRenderer.invoke(channel, ...args)) as Reply
  if ('error' in reply) throw reply.error
  return reply.result
}

const api = Object.fromEntries(
  API_METHODS.map((method) => [method, (...args: unknown[]) => invoke(`claimdesk:${method}`, args)])
)

const platform: PlatformBridge = {
  openCaseDialog: () => invoke('claimdesk-dialog:openCase', []) as Promise<string | null>,
  newCaseDialog: () => invoke('claimdesk-dialog:newCase', []) as Promise<string | null>,
  saveCaseDialog: () => invoke('claimdesk-dialog:saveCase', []) as Promise<string | null>,
  chooseImportPaths: () => invoke('claimdesk-dialog:importPaths', []) as Promise<ChosenFile[] | null>,
  chooseImportFolder: () => invoke('claimdesk-dialog:importFolder', []) as Promise<ChosenFile[] | null>,
  pathForFile: (file) => webUtils.getPathForFile(file),
  saveFile: (fileName, content, encoding) =>
    invoke('claimdesk-dialog:saveFile', [fileName, content, encoding]) as Promise<string | null>,
  onMenu: (listener) => {
    ipcRenderer.on('claimdesk-menu', (_event, action: MenuAction) => listener(action))
  },
  onOpenCase: (listener) => {
    ipcRenderer.on('claimdesk-open-case', (_event, path: string) => listener(path))
  }
}

contextBridge.exposeInMainWorld('claimdesk', { ...api, platform } as ClaimdeskBridge)
