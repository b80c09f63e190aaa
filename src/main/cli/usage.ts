export const USAGE = `Claimdesk: mark claims in articles, attribute them to sources, export briefings.

Usage:
  claimdesk import <files or folders...> --case <file> [--encoding <name>] [--json]
      Import .txt, .md, .html, .mhtml, .pdf and .docx files (a folder: every such file in it),
      or a Web Annotation export (.jsonld) of claims whose documents the case holds.
      Creates the case when it does not exist. Exit code 1 when any file failed.
  claimdesk import <file> --case <file> --new-version-of <doc id|title> [--json]
      Import a new version of a document and move its claims onto it: each exact, moved (same
      words elsewhere), fuzzy (changed words, with a score) or orphaned (left on the old version).
  claimdesk claim add --case <file> --doc <id|title> --quote "<exact text>" [--occurrence N]
      --source "<name>" [--source-kind person|organization|outlet|anonymous|document]
      [--via "<name>"]... [--tag <t>]... [--note <text>] [--credibility 1-6]
      [--status unverified|corroborated|contradicted|confirmed|false|not-checkable] [--no-create] [--json]
      Sources and relays are matched by exact name or alias, and created when new: each created
      source is reported, with a note when it may be an existing one ("Zelensky", "Volodymyr
      Zelensky") and the command to merge them. --no-create refuses names the case lacks.
      Every option is checked first: a refused claim changes nothing.
  claimdesk claim edit --case <file> (--ids <id,...> | --ids-file <file> | [--doc <id|title>] [--source "<name>"]
      [--tag <t>] | --all)
      [--add-tag <t>]... [--remove-tag <t>]... [--credibility 1-6] [--source-to "<name>"]
      [--status unverified|corroborated|contradicted|confirmed|false|not-checkable] [--json]
      One change to the claims named (ids as claimdesk list shows them) or found: --doc, --source
      (claims it speaks or relays, as the app's filter) and --tag (the topic, whatever its capitals)
      together find the claims with all of them; --all takes every claim. --source-to sets the
      source (an existing one: by id, name or alias); with --source, it is refused when some claims
      found are only relayed by that source. Says how many claims changed and how many were
      already so. Every option is checked first, and it is one change, all or nothing: an unknown id,
      source or topic changes nothing, and so does naming more than 10000 claims (refused rather
      than split, so no part is left changed when a later part fails; narrow it or run it in parts).
  claimdesk claim delete --case <file> (--ids <id,...> | --ids-file <file>) [--json]
      Delete the claims named, with their links, their citations in briefings and their place in
      conflict sets (a set left with fewer than two claims goes); an unknown id deletes nothing.
  claimdesk source merge --case <file> "<from>" "<into>" [--json]
      Merge two sources (by id, name or alias): the first's claims and relays go to the second,
      its names become aliases.
  claimdesk list --case <file> [--json]
      Claims with their source, relays, tags, status, grade and, once re-anchored onto a new
      version, how they were placed (anchor: exact, moved, fuzzy with its score, orphaned). A
      source or document a claim names that the case lacks shows as "(missing source <id>)".
  claimdesk show --case <file> --doc <id|title> [--json]
      A document's metadata and full text.
  claimdesk search --case <file> "<words>" [--doc <id|title>] [--json]
      Where the words are in the documents' text, claims' notes and topics, and source names.
  claimdesk suggest --case <file> --doc <id|title> [--json] [--all] [--accept [--speaker <entity|name>]]
                    [--reject <id,...>] [--restore]
      Claims the engine proposes (start, end, text, speaker, relay, cue, rejected), leaving out those
      whose words a claim marks already (--all lists them too, as marked); changes nothing unless
      --accept, which makes them (one speaker's with --speaker e3, or by the name listed, whole or
      a part only one speaker's name has: --speaker Zelensky; a speaker no suggestion has is refused,
      listing those they have), creating sources as needed, never the rejected or marked ones.
      --reject s2,s5 rejects those (kept in the case, as the app's reject does); --restore brings
      back every rejected suggestion of the document.
  claimdesk conflicts --case <file> [--json] [--confirm <ref,...> | --dismiss <ref,...> | --delete <ref,...>]
      Sets of claims whose figures or accounts diverge (or agree by arithmetic): those the case
      keeps (k3f9a, ...) and those the engine proposes (p0c41, ...); then reporting that traces
      back to one origin. --confirm p0c41,k3f9a and --dismiss p7d2e decide on them (a proposal is
      kept with that status); --delete k3f9a removes a kept set (its claims stay). A name stays
      with its set: deciding on one never renames the others, and a name that is gone is refused.
  claimdesk conflicts --case <file> --make <claim id,claim id,...> [--kind conflict|consistent]
      [--subject <text>] [--note <text>] [--json]
      Make a set by hand from two or more claims (ids as claimdesk list shows them).
  claimdesk export --case <file> --out <file|-> [--format md|html|pdf|docx|csv|jsonld]
      [--briefing <id|title>] [--generated-at <ISO time>] [--json]
      Claims the briefing takes in that it must leave out (their document, or they, are not in the
      case) are named in a note on standard error (with --json, as leftOut in the result).
  claimdesk serve [--case <file>] [--port N]
      Serve the app on 127.0.0.1 for a browser (a per-run token is in the printed URL).
      Without --case: the default case in the user-data folder, as the desktop app opens.

--doc takes an id, a title or words of one; when several versions of one document match, the
newest is taken (with a note). With --json, standard output holds only the JSON; notes go to
standard error. A case open in another Claimdesk refuses changes, but reads still work.

Case files end in .claimdesk.json (added when left off). Set CLAIMDESK_HOME to move the
user-data folder (recent cases, default case).`
