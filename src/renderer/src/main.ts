import { mount } from 'svelte'
import App from './App.svelte'
import { createBackend } from './lib/api'
import './styles.css'

mount(App, { target: document.getElementById('app')!, props: { backend: createBackend() } })
