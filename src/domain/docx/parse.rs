//! Reads the printable report (the HTML of [`crate::domain::render`], a small known subset of
//! HTML written by this crate) into the blocks of a word-processing document: paragraphs with a
//! style and tables with header rows. Everything between `<main>` and `</main>` is read, in
//! order, so the document has the same content and order as the print; the stylesheet and the
//! data block are not part of it. A chart's picture is left out: its title, text alternative and
//! caption are kept, and its data table is printed next to it by the section anyway.
//!
//! Invariants: no text is lost (text outside any known element becomes a body paragraph);
//! whitespace is collapsed as a browser collapses it; character references are decoded once.

/// A paragraph's role, which names its style in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Style {
    Title,
    Subtitle,
    Kicker,
    /// Heading 1–3 (the print's h2–h4).
    Heading(u8),
    Body,
    /// Body text kept on the page of what follows it (a sentence introducing a list or table).
    BodyKeep,
    Note,
    Cite,
    /// A table's or figure's caption.
    Caption,
    /// An item of a list, with or without a bullet.
    ListItem {
        bullet: bool,
    },
    /// One fact of an activity ("Realizatorzy: …").
    Fact,
    Signature,
    SignatureLine,
    /// A chart's text alternative.
    ChartText,
}

/// A piece of text, or a line break.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Run {
    Text {
        text: String,
        bold: bool,
        italic: bool,
        /// A citation of a provision, printed smaller.
        cite: bool,
        /// A link inside the document (a bookmark's name).
        link: Option<String>,
    },
    Break,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Para {
    pub style: Style,
    pub runs: Vec<Run>,
    /// A bookmark on the paragraph (from the heading's `id`).
    pub bookmark: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RowKind {
    /// A header row (repeats on every page).
    Head,
    Body,
    /// A subtotal or total (bold).
    Total,
    /// A row naming a group of the rows below it (italic).
    Group,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Cell {
    pub runs: Vec<Run>,
    pub header: bool,
    /// An amount or a count: right-aligned, never wrapped.
    pub num: bool,
    pub span: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Row {
    pub kind: RowKind,
    pub cells: Vec<Cell>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Table {
    pub caption: String,
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Block {
    Para(Para),
    Table(Table),
}

/// The document: its title (the page's `<title>`) and its blocks.
#[derive(Debug, Default)]
pub(super) struct Doc {
    pub title: String,
    pub blocks: Vec<Block>,
}

/// Where the text being read goes when its element closes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Para(Style),
    Caption,
    Cell,
    SvgTitle,
    SvgDesc,
    Figcaption,
    /// Text outside any known text element.
    Loose,
}

/// An open inline element and what it changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Inline {
    Bold,
    Cite,
    Link,
    Plain,
}

#[derive(Default)]
struct Figure {
    title: String,
    desc: String,
    caption: String,
}

#[derive(Default)]
struct Reader {
    doc: Doc,
    target: Option<Target>,
    bookmark: Option<String>,
    runs: Vec<Run>,
    inline: Vec<Inline>,
    link: Option<String>,
    sections: Vec<String>,
    lists: Vec<bool>,
    table: Option<Table>,
    part: Option<RowKind>,
    row: Option<Row>,
    cell: Option<Cell>,
    figure: Option<Figure>,
    svg_depth: u32,
}

/// Reads the printable report's HTML.
pub(super) fn read(html: &str) -> Doc {
    let mut r = Reader::default();
    if let (Some(a), Some(b)) = (html.find("<title>"), html.find("</title>")) {
        if a < b {
            r.doc.title = collapse(&decode(&html[a + 7..b])).trim().to_string();
        }
    }
    let start = html.find("<main>").map_or(0, |i| i + 6);
    let end = html.rfind("</main>").unwrap_or(html.len()).max(start);
    let mut rest = &html[start..end];
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            r.text(rest);
            break;
        };
        if lt > 0 {
            r.text(&rest[..lt]);
        }
        rest = &rest[lt..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |i| &comment[i + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            // Not a tag after all: the rest is text.
            r.text(rest);
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            r.close(name.trim());
        } else {
            let self_closing = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let (name, attrs) = tag.split_once([' ', '\n', '\t']).unwrap_or((tag, ""));
            r.open(name, attrs);
            if self_closing {
                r.close(name);
            }
        }
    }
    r.finish_loose();
    r.doc
}

/// The value of attribute `name` in a tag's attribute text (values are double-quoted).
fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = attrs;
    while let Some(i) = rest.find(name) {
        let before = rest[..i].chars().next_back();
        let after = &rest[i + name.len()..];
        if before.is_none_or(|c| c.is_ascii_whitespace()) {
            if let Some(value) = after.strip_prefix("=\"") {
                return value.split_once('"').map(|(v, _)| v);
            }
        }
        rest = after;
    }
    None
}

fn has_class(attrs: &str, class: &str) -> bool {
    attr(attrs, "class").is_some_and(|c| c.split_ascii_whitespace().any(|x| x == class))
}

impl Reader {
    fn in_svg(&self) -> bool {
        self.svg_depth > 0
    }

    fn open(&mut self, name: &str, attrs: &str) {
        if self.in_svg() {
            self.svg_depth += 1;
            match name {
                "title" if self.svg_depth == 2 => self.begin(Target::SvgTitle),
                "desc" if self.svg_depth == 2 => self.begin(Target::SvgDesc),
                _ => {}
            }
            return;
        }
        match name {
            "h1" => self.begin(Target::Para(Style::Title)),
            "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = (name.as_bytes()[1] - b'1').min(3);
                self.begin(Target::Para(Style::Heading(level)));
                self.bookmark = attr(attrs, "id").map(bookmark_name);
            }
            "p" => {
                let style = if self.sections.iter().any(|s| s == "signature") {
                    if has_class(attrs, "line") {
                        Style::SignatureLine
                    } else {
                        Style::Signature
                    }
                } else if has_class(attrs, "kicker") {
                    Style::Kicker
                } else if has_class(attrs, "lead") {
                    Style::Subtitle
                } else if has_class(attrs, "note") {
                    Style::Note
                } else if has_class(attrs, "cite") {
                    Style::Cite
                } else if has_class(attrs, "lead-in") || has_class(attrs, "task-list") {
                    Style::BodyKeep
                } else {
                    Style::Body
                };
                self.begin(Target::Para(style));
            }
            "li" => {
                let bullet = self.lists.last().copied().unwrap_or(true);
                self.begin(Target::Para(Style::ListItem { bullet }));
            }
            "ul" | "ol" => {
                self.finish_loose();
                self.lists.push(!has_class(attrs, "tasks"));
            }
            "section" | "header" => {
                self.finish_loose();
                self.sections
                    .push(attr(attrs, "class").unwrap_or_default().to_string());
            }
            "dl" => self.finish_loose(),
            "div" => self.begin(Target::Para(Style::Fact)),
            "dt" => self.inline.push(Inline::Bold),
            "dd" => {}
            "table" => {
                self.finish_loose();
                self.table = Some(Table {
                    caption: String::new(),
                    rows: Vec::new(),
                });
            }
            "caption" => self.begin(Target::Caption),
            "thead" => self.part = Some(RowKind::Head),
            "tbody" => self.part = Some(RowKind::Body),
            "tfoot" => self.part = Some(RowKind::Total),
            "tr" => {
                let kind = if has_class(attrs, "subtotal") {
                    RowKind::Total
                } else if has_class(attrs, "group") {
                    RowKind::Group
                } else {
                    self.part.unwrap_or(RowKind::Body)
                };
                self.row = Some(Row {
                    kind,
                    cells: Vec::new(),
                });
            }
            "th" | "td" => {
                self.cell = Some(Cell {
                    runs: Vec::new(),
                    header: name == "th",
                    num: has_class(attrs, "num"),
                    span: attr(attrs, "colspan")
                        .and_then(|s| s.parse().ok())
                        .unwrap_or(1)
                        .clamp(1, 64),
                });
                self.begin(Target::Cell);
            }
            "figure" => {
                self.finish_loose();
                self.figure = Some(Figure::default());
            }
            "figcaption" => self.begin(Target::Figcaption),
            "svg" => self.svg_depth = 1,
            "br" => self.runs.push(Run::Break),
            "strong" | "b" => self.inline.push(Inline::Bold),
            "span" if has_class(attrs, "cite") => {
                // `.cite` is displayed as a block of its own: a new line, smaller.
                if self.runs.last().is_some_and(|r| r != &Run::Break) {
                    self.runs.push(Run::Break);
                }
                self.inline.push(Inline::Cite);
            }
            "a" => {
                self.link = attr(attrs, "href")
                    .and_then(|h| h.strip_prefix('#'))
                    .map(bookmark_name);
                self.inline.push(Inline::Link);
            }
            // Any other inline element: its text is kept as it is.
            _ => self.inline.push(Inline::Plain),
        }
    }

    fn close(&mut self, name: &str) {
        if self.in_svg() {
            match name {
                "title" if self.svg_depth == 2 => self.end(),
                "desc" if self.svg_depth == 2 => self.end(),
                _ => {}
            }
            self.svg_depth -= 1;
            return;
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "li" | "caption" | "figcaption"
            | "div" | "th" | "td" => self.end(),
            "ul" | "ol" => {
                self.finish_loose();
                self.lists.pop();
            }
            "section" | "header" => {
                self.finish_loose();
                self.sections.pop();
            }
            "dt" => {
                self.inline.pop();
                self.push_text(": ");
            }
            "tr" => {
                if let (Some(row), Some(table)) = (self.row.take(), self.table.as_mut()) {
                    table.rows.push(row);
                }
            }
            "thead" | "tbody" | "tfoot" => self.part = None,
            "table" => {
                self.finish_loose();
                if let Some(table) = self.table.take() {
                    self.doc.blocks.push(Block::Table(table));
                }
            }
            "figure" => {
                self.finish_loose();
                if let Some(f) = self.figure.take() {
                    let mut para = |style, text: String| {
                        if !text.is_empty() {
                            self.doc.blocks.push(Block::Para(Para {
                                style,
                                runs: vec![plain(text)],
                                bookmark: None,
                            }));
                        }
                    };
                    let alt = match (f.title.is_empty(), f.desc.is_empty()) {
                        (false, false) => format!("Wykres „{}”: {}", f.title, f.desc),
                        (false, true) => format!("Wykres „{}”.", f.title),
                        (true, _) => f.desc,
                    };
                    para(Style::ChartText, alt);
                    para(Style::Caption, f.caption);
                }
            }
            "svg" | "dl" | "dd" | "br" => {}
            "a" => {
                self.inline.pop();
                self.link = None;
            }
            _ => {
                self.inline.pop();
            }
        }
    }

    /// Starts collecting text for `target` (ending any loose text first).
    fn begin(&mut self, target: Target) {
        // An element opened inside another text element ends it (none of the renderer's do).
        self.end();
        self.target = Some(target);
        self.runs.clear();
    }

    /// Ends the current text element and puts its text where it belongs.
    fn end(&mut self) {
        let Some(target) = self.target.take() else {
            return;
        };
        let mut runs = std::mem::take(&mut self.runs);
        trim_runs(&mut runs);
        let bookmark = self.bookmark.take();
        match target {
            Target::Para(_) | Target::Loose => {
                let style = match target {
                    Target::Para(s) => s,
                    _ => Style::Body,
                };
                if !runs.is_empty() {
                    self.doc.blocks.push(Block::Para(Para {
                        style,
                        runs,
                        bookmark,
                    }));
                }
            }
            Target::Caption => {
                if let Some(t) = self.table.as_mut() {
                    t.caption = text_of(&runs);
                }
            }
            Target::Cell => {
                if let (Some(mut cell), Some(row)) = (self.cell.take(), self.row.as_mut()) {
                    cell.runs = runs;
                    row.cells.push(cell);
                }
            }
            Target::SvgTitle | Target::SvgDesc | Target::Figcaption => {
                if let Some(f) = self.figure.as_mut() {
                    let text = text_of(&runs);
                    match target {
                        Target::SvgTitle => f.title = text,
                        Target::SvgDesc => f.desc = text,
                        _ => f.caption = text,
                    }
                }
            }
        }
    }

    fn finish_loose(&mut self) {
        if self.target == Some(Target::Loose) {
            self.end();
        }
    }

    fn text(&mut self, raw: &str) {
        if self.in_svg() && !matches!(self.target, Some(Target::SvgTitle | Target::SvgDesc)) {
            return;
        }
        let text = collapse(&decode(raw));
        if self.target.is_none() {
            if text.trim().is_empty() {
                return;
            }
            self.target = Some(Target::Loose);
            self.runs.clear();
        }
        self.push_text(&text);
    }

    /// Appends text, collapsing a space against the one before it.
    fn push_text(&mut self, text: &str) {
        let bold = self.inline.contains(&Inline::Bold)
            || self
                .row
                .as_ref()
                .is_some_and(|r| matches!(r.kind, RowKind::Head | RowKind::Total))
            || self.cell.as_ref().is_some_and(|c| c.header);
        let cite = self.inline.contains(&Inline::Cite);
        // The cells of a row naming a group of the rows below it are italic.
        let italic =
            self.cell.is_some() && self.row.as_ref().is_some_and(|r| r.kind == RowKind::Group);
        let link = self.link.clone();
        let after_space = match self.runs.last() {
            None | Some(Run::Break) => true,
            Some(Run::Text { text, .. }) => text.ends_with(' '),
        };
        let text = if after_space {
            text.trim_start_matches(' ')
        } else {
            text
        };
        if text.is_empty() {
            return;
        }
        if let Some(Run::Text {
            text: last,
            bold: b,
            italic: i,
            cite: c,
            link: l,
        }) = self.runs.last_mut()
        {
            if *b == bold && *i == italic && *c == cite && *l == link {
                last.push_str(text);
                return;
            }
        }
        self.runs.push(Run::Text {
            text: text.to_string(),
            bold,
            italic,
            cite,
            link,
        });
    }
}

/// Text with no emphasis.
pub(super) fn plain(text: String) -> Run {
    Run::Text {
        text,
        bold: false,
        italic: false,
        cite: false,
        link: None,
    }
}

/// Drops spaces at the ends of lines and breaks at the ends of the element.
fn trim_runs(runs: &mut Vec<Run>) {
    while runs.last() == Some(&Run::Break) {
        runs.pop();
    }
    while runs.first() == Some(&Run::Break) {
        runs.remove(0);
    }
    for i in 0..runs.len() {
        let next_is_break = runs.get(i + 1).is_none_or(|r| r == &Run::Break);
        if let Run::Text { text, .. } = &mut runs[i] {
            if next_is_break {
                let trimmed = text.trim_end_matches(' ').len();
                text.truncate(trimmed);
            }
        }
    }
    runs.retain(|r| !matches!(r, Run::Text { text, .. } if text.is_empty()));
}

/// The plain text of runs (a break is a space).
pub(super) fn text_of(runs: &[Run]) -> String {
    let mut out = String::new();
    for r in runs {
        match r {
            Run::Text { text, .. } => out.push_str(text),
            Run::Break => out.push(' '),
        }
    }
    out
}

/// A bookmark name Word accepts (letters, digits, underscores; at most 40 characters).
fn bookmark_name(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .take(40)
        .collect()
}

/// Collapses every run of HTML whitespace (space, tab, line feed, form feed, carriage return)
/// into one space, as a browser shows text; other characters, a no-break space among them,
/// are kept.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\x0C' | '\r') {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Decodes the character references the renderer writes (`&amp;`, `&lt;`, `&gt;`, `&quot;`,
/// `&#39;`) and any numeric one; anything else is kept as written.
fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(semi) = rest.bytes().take(12).position(|b| b == b';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semi];
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{A0}'),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(doc: &Doc) -> Vec<(Style, String)> {
        doc.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Para(p) => Some((p.style, text_of(&p.runs))),
                Block::Table(_) => None,
            })
            .collect()
    }

    #[test]
    fn references_are_decoded_once_and_whitespace_collapses() {
        assert_eq!(
            decode("a &amp;lt; &lt;b&gt; &#39;x&#39; &#x41;&#66; &bogus; &"),
            "a &lt; <b> 'x' AB &bogus; &"
        );
        // A bare `&` before multi-byte text (a user's „Zażółć & gęślą…”).
        assert_eq!(decode("&zażółć;"), "&zażółć;");
        assert_eq!(decode("ż&ółć gęś"), "ż&ółć gęś");
        assert_eq!(collapse("  a \n\t b  "), " a b ");
        assert_eq!(collapse("a\u{A0}\u{A0}b"), "a\u{A0}\u{A0}b");
    }

    #[test]
    fn headings_paragraphs_lists_and_citations_become_styled_paragraphs() {
        let html = "<title>T &amp; U</title><main><header><p class=\"kicker\">K</p><h1>Raport</h1></header>\
            <section><h2>Wydatki</h2>\n<p class=\"cite\">art. 1</p><h4 id=\"dzialanie-3\">A <b>b</b></h4>\
            <p>x<br>  y  <strong>z</strong></p><ul class=\"tasks\"><li>1) t <span class=\"cite\">(art. 2)</span></li></ul>\
            <ul><li>u</li></ul><dl class=\"facts\"><div><dt>Koszt</dt><dd>5 zł</dd></div></dl>\
            <p>see <a href=\"#dzialanie-3\">A</a></p></section></main><script>ignored</script>";
        let doc = read(html);
        assert_eq!(doc.title, "T & U");
        assert_eq!(
            paras(&doc),
            vec![
                (Style::Kicker, "K".into()),
                (Style::Title, "Raport".into()),
                (Style::Heading(1), "Wydatki".into()),
                (Style::Cite, "art. 1".into()),
                (Style::Heading(3), "A b".into()),
                (Style::Body, "x y z".into()),
                (Style::ListItem { bullet: false }, "1) t (art. 2)".into()),
                (Style::ListItem { bullet: true }, "u".into()),
                (Style::Fact, "Koszt: 5 zł".into()),
                (Style::Body, "see A".into()),
            ]
        );
        let Block::Para(h4) = &doc.blocks[4] else {
            panic!()
        };
        assert_eq!(h4.bookmark.as_deref(), Some("dzialanie_3"));
        let Block::Para(li) = &doc.blocks[6] else {
            panic!()
        };
        assert!(
            li.runs.contains(&Run::Break),
            "a citation starts a new line"
        );
        assert!(matches!(&li.runs[2], Run::Text { cite: true, .. }));
        let Block::Para(link) = &doc.blocks[9] else {
            panic!()
        };
        assert!(matches!(&link.runs[1], Run::Text { link: Some(l), .. } if l == "dzialanie_3"));
    }

    #[test]
    fn tables_keep_caption_header_rows_totals_spans_and_numbers() {
        let html = "<main><table class=\"budget\"><caption>Plan</caption>\
            <thead><tr><th scope=\"col\">Rozdział</th><th class=\"num\">Plan</th></tr></thead>\
            <tbody><tr><td>85154</td><td class=\"num\">1 000,00 zł</td></tr>\
            <tr class=\"subtotal\"><th scope=\"row\" colspan=\"2\">Razem</th></tr>\
            <tr class=\"group\"><th>Grupa</th><td></td></tr></tbody>\
            <tfoot><tr><th>Ogółem</th><td class=\"num\">1 000,00 zł</td></tr></tfoot></table></main>";
        let doc = read(html);
        let Block::Table(t) = &doc.blocks[0] else {
            panic!("a table")
        };
        assert_eq!(t.caption, "Plan");
        let kinds: Vec<RowKind> = t.rows.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [
                RowKind::Head,
                RowKind::Body,
                RowKind::Total,
                RowKind::Group,
                RowKind::Total
            ]
        );
        assert!(t.rows[1].cells[1].num && !t.rows[1].cells[0].num);
        assert_eq!(t.rows[2].cells[0].span, 2);
        assert!(matches!(
            &t.rows[0].cells[0].runs[0],
            Run::Text { bold: true, .. }
        ));
        assert!(matches!(
            &t.rows[1].cells[1].runs[0],
            Run::Text { bold: false, .. }
        ));
        assert!(matches!(
            &t.rows[3].cells[0].runs[0],
            Run::Text { italic: true, .. }
        ));
        assert!(t.rows[3].cells[1].runs.is_empty());
    }

    #[test]
    fn a_chart_keeps_its_text_alternative_and_caption_but_not_its_drawing() {
        let html = "<main><figure class=\"chart\"><svg role=\"img\"><title id=\"t\">Plan</title>\
            <desc id=\"d\">a: 1 zł</desc><g><rect x=\"1\"/><text x=\"2\">1 zł</text></g></svg>\
            <figcaption>Wykonanie w 2025 r.</figcaption></figure></main>";
        assert_eq!(
            paras(&read(html)),
            vec![
                (Style::ChartText, "Wykres „Plan”: a: 1 zł".into()),
                (Style::Caption, "Wykonanie w 2025 r.".into()),
            ]
        );
    }

    #[test]
    fn text_outside_any_known_element_is_kept() {
        let html = "<main>loose <em>text</em><section>more</section></main>";
        assert_eq!(
            paras(&read(html)),
            vec![
                (Style::Body, "loose text".into()),
                (Style::Body, "more".into())
            ]
        );
    }
}
