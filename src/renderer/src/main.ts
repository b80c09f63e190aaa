import { mount } from 'svelte'
import App from './App.svelte'
import { createBackend } from './lib/api'
import { Theme } from './lib/theme.svelte'
import './styles.css'

// The remembered (or the system's) theme before the first paint, so a dark desk never flashes light.
new Theme().apply(document.documentElement)

mount(App, { target: document.getElementById('app')!, props: { backend: createBackend() } })
