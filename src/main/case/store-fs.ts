// The file system as the case store sees it: the subset of node:fs/promises it uses, passed in
// (OpenStoreOptions.fs) so tests can put a layer that fails on cue between the store and the disk
// (testing/faulty-fs.ts). Every module here takes its file access from a StoreFs, never from node:fs.
import { promises as fs } from 'node:fs'

export type StoreFs = Pick<
  typeof fs,
  | 'open'
  | 'readFile'
  | 'rename'
  | 'link'
  | 'rm'
  | 'rmdir'
  | 'mkdir'
  | 'readdir'
  | 'stat'
  | 'lstat'
  | 'copyFile'
  | 'utimes'
  | 'access'
>

export type FileHandle = fs.FileHandle

export const nodeFs: StoreFs = fs
