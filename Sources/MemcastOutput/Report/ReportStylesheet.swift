/// The report's only stylesheet, inlined in `<style>`: system fonts, tables
/// with tabular figures, charts that shrink to the page, and print rules (A4,
/// no figure split across pages, table headers repeated, no navigation).
enum ReportStylesheet {
    static let css = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 880px; padding: 24px 20px 48px; color: #1a1a1a; background: #fff;
      font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
    h1 { font-size: 26px; margin: 0 0 4px; }
    h2 { font-size: 20px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 2px solid #0072B2; }
    .facts { color: #555; margin: 0 0 12px; }
    .facts span + span::before { content: " · "; }
    nav ol { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0; margin: 8px 0 0; }
    nav a { color: #0072B2; }
    figure { margin: 16px 0 24px; }
    figure svg { display: block; width: 100%; max-width: 800px; height: auto; border: 1px solid #e6e6e6; }
    figcaption { color: #555; font-size: 13px; margin-top: 6px; }
    table { border-collapse: collapse; width: 100%; margin: 8px 0 4px; font-size: 13.5px; font-variant-numeric: tabular-nums; }
    caption { text-align: left; font-weight: 600; padding: 6px 0; }
    th, td { padding: 4px 8px; border-bottom: 1px solid #e0e0e0; vertical-align: top; }
    thead th { border-bottom: 2px solid #333; text-align: left; }
    .r { text-align: right; } .c { text-align: center; }
    td.r, td.c, td.nw { white-space: nowrap; }
    td:first-child { min-width: 9em; }
    tbody tr:nth-child(even) { background: #f7f7f7; }
    ol.notes { font-size: 12.5px; color: #555; margin: 4px 0 20px; padding-left: 22px; }
    .unavailable { color: #8a4b00; background: #fff6e6; border-left: 4px solid #E69F00; padding: 6px 10px; }
    footer { margin-top: 40px; color: #555; font-size: 12.5px; }
    @media print {
      @page { size: A4; margin: 14mm 12mm; }
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      h1 { font-size: 18pt; }
      table { font-size: 9pt; }
      nav { display: none; }
      h2 { break-after: avoid; }
      figure { break-inside: avoid; }
      figure svg { border: none; max-width: 100%; }
      thead { display: table-header-group; }
      tr { break-inside: avoid; }
      tbody tr:nth-child(even) { background: none; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
