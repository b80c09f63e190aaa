import { mount } from 'svelte'
import App from './App.svelte'
import { createApi } from './lib/api'
import './styles.css'

mount(App, { target: document.getElementById('app')!, props: { api: createApi() } })
