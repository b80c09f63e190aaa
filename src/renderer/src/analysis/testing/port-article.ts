// A short report with three figures for one thing (vessels turned back) from three speakers: the
// conflict set the analysis tests find, confirm and show.
export const PORT_ARTICLE = [
  'Port traffic falls as patrols widen',
  '',
  'Harbour master Lena Ostrova said 80 vessels had been turned back.',
  '',
  'A coast guard official told Reuters that at least 120 vessels were turned back.',
  '',
  'Shipping monitor Tidewatch counted 95 vessels turned back by Sunday.'
].join('\n')

/** The three claims' quotes, in the order the article gives them. */
export const PORT_QUOTES = [
  '80 vessels had been turned back',
  'at least 120 vessels were turned back',
  '95 vessels turned back'
]
