//! WordprocessingML: the parts of the document package, written from the blocks of
//! [`super::parse`]. Word's built-in style names (Title, heading 1–3, Body Text, caption, List
//! Bullet, footer) are used where they exist, so Word shows them in Polish ("Tytuł",
//! "Nagłówek 1") and its navigation pane and table of contents find the headings; the rest have
//! Polish names of their own.
//!
//! Invariants: every text of the report reaches the XML through [`Xml`] (escaped, and without
//! the control characters XML cannot hold), always inside `<w:t>`, never in a field code; the
//! only fields are the footer's page numbers; elements follow the order the schema prescribes
//! (Word refuses a file that does not).

use std::fmt::{self, Display, Write};

use super::parse::{plain, Block, Cell, Doc, Para, Row, RowKind, Run, Style, Table};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// A4 in twentieths of a point, and the margins (2 cm; 2.2 cm at the bottom for the footer).
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN: u32 = 1134;
const MARGIN_BOTTOM: u32 = 1247;
/// The width of the text between the margins.
const TEXT_W: u32 = PAGE_W - 2 * MARGIN;

/// Text escaped for XML content and attribute values. Characters XML 1.0 cannot hold (the C0
/// controls but tab, line feed and carriage return; U+FFFE, U+FFFF) are left out.
pub(super) struct Xml<'a>(pub &'a str);

impl Display for Xml<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            match c {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '"' => f.write_str("&quot;")?,
                '\t' | '\n' | '\r' => f.write_char(c)?,
                c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// `word/document.xml`.
pub(super) fn document(doc: &Doc) -> String {
    let mut out = String::with_capacity(256 * 1024);
    out.push_str(XML_DECL);
    let _ = write!(
        out,
        "<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>"
    );
    let mut bookmarks = 0u32;
    for (i, block) in doc.blocks.iter().enumerate() {
        match block {
            Block::Para(p) => para(&mut out, p, &mut bookmarks),
            // A table of no rows is not a table to Word: its caption stays as a paragraph.
            Block::Table(t) if t.rows.iter().all(|r| r.cells.is_empty()) => {
                caption(&mut out, &t.caption);
            }
            Block::Table(t) => {
                table(&mut out, t);
                // Two tables in a row would merge into one; a document cannot end in a table.
                if !matches!(doc.blocks.get(i + 1), Some(Block::Para(_))) {
                    out.push_str("<w:p><w:pPr><w:pStyle w:val=\"Odstep\"/></w:pPr></w:p>");
                }
            }
        }
    }
    if doc.blocks.is_empty() {
        out.push_str("<w:p/>");
    }
    let _ = write!(
        out,
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\
         <w:pgSz w:w=\"{PAGE_W}\" w:h=\"{PAGE_H}\"/>\
         <w:pgMar w:top=\"{MARGIN}\" w:right=\"{MARGIN}\" w:bottom=\"{MARGIN_BOTTOM}\" \
         w:left=\"{MARGIN}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
    );
    out.push_str("</w:body></w:document>");
    out
}

fn style_id(style: Style) -> &'static str {
    match style {
        Style::Title => "Title",
        Style::Subtitle => "Subtitle",
        Style::Kicker => "Nadtytul",
        Style::Heading(1) => "Heading1",
        Style::Heading(2) => "Heading2",
        Style::Heading(_) => "Heading3",
        Style::Body | Style::BodyKeep => "BodyText",
        Style::Note => "Uwaga",
        Style::Cite => "Podstawaprawna",
        Style::Caption => "Caption",
        Style::ListItem { bullet: true } => "ListBullet",
        Style::ListItem { bullet: false } => "List",
        Style::Fact => "Danedzialania",
        Style::Signature => "Podpis",
        Style::SignatureLine => "Podpislinia",
        Style::ChartText => "Opiswykresu",
    }
}

fn para(out: &mut String, p: &Para, bookmarks: &mut u32) {
    let _ = write!(
        out,
        "<w:p><w:pPr><w:pStyle w:val=\"{}\"/>",
        style_id(p.style)
    );
    if p.style == Style::BodyKeep {
        out.push_str("<w:keepNext/>");
    }
    if p.style == (Style::ListItem { bullet: true }) {
        out.push_str("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>");
    }
    out.push_str("</w:pPr>");
    let mark = p.bookmark.as_ref().map(|name| {
        *bookmarks += 1;
        let _ = write!(
            out,
            "<w:bookmarkStart w:id=\"{}\" w:name=\"{}\"/>",
            bookmarks,
            Xml(name)
        );
        *bookmarks
    });
    runs(out, &p.runs);
    if let Some(id) = mark {
        let _ = write!(out, "<w:bookmarkEnd w:id=\"{id}\"/>");
    }
    out.push_str("</w:p>");
}

fn runs(out: &mut String, runs: &[Run]) {
    for r in runs {
        match r {
            Run::Break => out.push_str("<w:r><w:br/></w:r>"),
            Run::Text {
                text,
                bold,
                italic,
                cite,
                link,
            } => {
                if let Some(anchor) = link {
                    let _ = write!(out, "<w:hyperlink w:anchor=\"{}\">", Xml(anchor));
                }
                out.push_str("<w:r>");
                if *bold || *italic || *cite {
                    out.push_str("<w:rPr>");
                    if *cite {
                        out.push_str("<w:rStyle w:val=\"Podstawaprawnaznak\"/>");
                    }
                    if *bold {
                        out.push_str("<w:b/>");
                    }
                    if *italic {
                        out.push_str("<w:i/>");
                    }
                    out.push_str("</w:rPr>");
                }
                let _ = write!(out, "<w:t xml:space=\"preserve\">{}</w:t></w:r>", Xml(text));
                if link.is_some() {
                    out.push_str("</w:hyperlink>");
                }
            }
        }
    }
}

/// A table's caption as a "caption" paragraph (the style keeps it with the table); nothing
/// for no caption.
fn caption(out: &mut String, text: &str) {
    if !text.is_empty() {
        let p = Para {
            style: Style::Caption,
            runs: vec![plain(text.to_string())],
            bookmark: None,
        };
        para(out, &p, &mut 0);
    }
}

/// A table: its caption as a "caption" paragraph kept with it (and as the table's own
/// description for assistive technology), header rows that repeat on every page, rows that do
/// not split across pages, amounts right-aligned.
fn table(out: &mut String, t: &Table) {
    caption(out, &t.caption);
    let widths = column_widths(&t.rows);
    out.push_str("<w:tbl><w:tblPr><w:tblStyle w:val=\"Tabela\"/>");
    let _ = write!(out, "<w:tblW w:w=\"{TEXT_W}\" w:type=\"dxa\"/>");
    out.push_str("<w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>");
    if !t.caption.is_empty() {
        let _ = write!(out, "<w:tblCaption w:val=\"{}\"/>", Xml(&t.caption));
    }
    out.push_str("</w:tblPr><w:tblGrid>");
    for w in &widths {
        let _ = write!(out, "<w:gridCol w:w=\"{w}\"/>");
    }
    out.push_str("</w:tblGrid>");
    // Header rows repeat only as a block at the top of the table.
    let mut at_top = true;
    for row in &t.rows {
        let header = at_top && row.kind == RowKind::Head;
        at_top = header;
        table_row(out, row, header, &widths);
    }
    out.push_str("</w:tbl>");
}

fn table_row(out: &mut String, row: &Row, header: bool, widths: &[u32]) {
    out.push_str("<w:tr><w:trPr><w:cantSplit/>");
    if header {
        out.push_str("<w:tblHeader/>");
    }
    out.push_str("</w:trPr>");
    let mut col = 0usize;
    for cell in &row.cells {
        table_cell(out, cell, col, widths);
        col += cell.span as usize;
    }
    // A short row is filled up, so every row spans the grid.
    if col < widths.len() {
        let rest = Cell {
            runs: Vec::new(),
            header: false,
            num: false,
            span: (widths.len() - col) as u32,
        };
        table_cell(out, &rest, col, widths);
    }
    out.push_str("</w:tr>");
}

fn table_cell(out: &mut String, cell: &Cell, col: usize, widths: &[u32]) {
    let end = (col + cell.span as usize).min(widths.len());
    let width: u32 = widths.get(col..end).map_or(0, |w| w.iter().sum());
    let _ = write!(out, "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>");
    if cell.span > 1 {
        let _ = write!(out, "<w:gridSpan w:val=\"{}\"/>", end - col);
    }
    if cell.num {
        out.push_str("<w:noWrap/>");
    }
    out.push_str("</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"Tekstwtabeli\"/>");
    if cell.num {
        out.push_str("<w:jc w:val=\"right\"/>");
    }
    out.push_str("</w:pPr>");
    runs(out, &cell.runs);
    out.push_str("</w:p></w:tc>");
}

/// The table's column widths (in twips, summing to the text width). Every column gets room for
/// its longest word, an amount column for its whole longest value (amounts never wrap); what
/// is left goes to the columns whose text would wrap, by how much more each would need.
fn column_widths(rows: &[Row]) -> Vec<u32> {
    const CHAR: u32 = 112; // an average character of 9.5 pt Arial, bold (a digit is 0.556 em)
    const PAD: u32 = 230; // the cell's margins and a little air
    let columns = rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.span as usize).sum::<usize>())
        .max()
        .unwrap_or(1)
        .max(1);
    let mut least = vec![0u32; columns];
    let mut wish = vec![0u32; columns];
    for row in rows {
        let mut col = 0;
        for cell in &row.cells {
            if cell.span == 1 && col < columns {
                let text = super::parse::text_of(&cell.runs);
                let len = text.chars().count() as u32;
                let word = if cell.num && row.kind != RowKind::Head {
                    len
                } else {
                    text.split(' ')
                        .map(|w| w.chars().count() as u32)
                        .max()
                        .unwrap_or(0)
                };
                least[col] = least[col].max(word.min(24));
                wish[col] = wish[col].max(len.min(48));
            }
            col += cell.span as usize;
        }
    }
    let least: Vec<u32> = least.iter().map(|n| n * CHAR + PAD).collect();
    let wish: Vec<u32> = wish
        .iter()
        .zip(&least)
        .map(|(n, l)| (n * CHAR + PAD).max(*l))
        .collect();
    let least_total: u32 = least.iter().sum();
    let extra_total: u32 = wish.iter().zip(&least).map(|(w, l)| w - l).sum();
    let mut widths: Vec<u32> = if least_total >= TEXT_W {
        least.iter().map(|l| l * TEXT_W / least_total).collect()
    } else {
        let room = TEXT_W - least_total;
        least
            .iter()
            .zip(&wish)
            .map(|(l, w)| match extra_total {
                0 => l + room / columns as u32,
                _ => l + (w - l) * room / extra_total,
            })
            .collect()
    };
    // Rounding: the last column takes what is left.
    let sum: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last = (*last + TEXT_W).saturating_sub(sum).max(300);
    }
    widths
}

/// `word/styles.xml`.
pub(super) fn styles() -> String {
    let mut out = String::from(XML_DECL);
    let _ = write!(out, "<w:styles xmlns:w=\"{W_NS}\">");
    out.push_str(
        "<w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>\
         <w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>\
         <w:lang w:val=\"pl-PL\" w:eastAsia=\"pl-PL\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/>\
         </w:pPr></w:pPrDefault></w:docDefaults>",
    );
    let para = |out: &mut String, id: &str, name: &str, based: &str, ppr: &str, rpr: &str| {
        let _ = write!(
            out,
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"{}><w:name w:val=\"{name}\"/>",
            if id == "Normal" {
                " w:default=\"1\""
            } else {
                ""
            }
        );
        if !based.is_empty() {
            let _ = write!(out, "<w:basedOn w:val=\"{based}\"/>");
        }
        let _ = write!(
            out,
            "<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
        );
    };
    para(&mut out, "Normal", "Normal", "", "", "");
    para(
        &mut out,
        "Title",
        "Title",
        "Normal",
        "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"200\"/><w:outlineLvl w:val=\"9\"/>",
        "<w:b/><w:bCs/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/>",
    );
    para(
        &mut out,
        "Subtitle",
        "Subtitle",
        "Normal",
        "<w:keepNext/><w:spacing w:after=\"160\"/>",
        "<w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>",
    );
    para(
        &mut out,
        "Nadtytul",
        "Nadtytuł",
        "Normal",
        "<w:keepNext/><w:spacing w:after=\"60\"/>",
        "",
    );
    for (level, size, before) in [(1u8, 30, 360), (2, 26, 280), (3, 23, 220)] {
        let border = if level == 1 {
            "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
        } else {
            ""
        };
        para(
            &mut out,
            &format!("Heading{level}"),
            &format!("heading {level}"),
            "Normal",
            &format!(
                "<w:keepNext/><w:keepLines/>{border}<w:spacing w:before=\"{before}\" w:after=\"120\"/><w:outlineLvl w:val=\"{}\"/>",
                level - 1
            ),
            &format!("<w:b/><w:bCs/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>"),
        );
    }
    para(&mut out, "BodyText", "Body Text", "Normal", "", "");
    para(
        &mut out,
        "Uwaga",
        "Uwaga",
        "BodyText",
        "<w:spacing w:before=\"80\"/>",
        "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>",
    );
    para(
        &mut out,
        "Podstawaprawna",
        "Podstawa prawna",
        "BodyText",
        "<w:spacing w:after=\"80\"/>",
        "<w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>",
    );
    para(
        &mut out,
        "Caption",
        "caption",
        "Normal",
        "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/>",
        "<w:b/><w:bCs/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>",
    );
    para(
        &mut out,
        "ListBullet",
        "List Bullet",
        "Normal",
        "<w:spacing w:after=\"60\"/><w:ind w:left=\"357\" w:hanging=\"357\"/>",
        "",
    );
    para(
        &mut out,
        "List",
        "List",
        "Normal",
        "<w:spacing w:after=\"60\"/><w:ind w:left=\"340\"/>",
        "",
    );
    para(
        &mut out,
        "Danedzialania",
        "Dane działania",
        "Normal",
        "<w:keepNext/><w:spacing w:after=\"40\"/><w:ind w:left=\"340\"/>",
        "",
    );
    para(
        &mut out,
        "Opiswykresu",
        "Opis wykresu",
        "Normal",
        "<w:keepNext/>",
        "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>",
    );
    para(
        &mut out,
        "Podpis",
        "Podpis",
        "Normal",
        "<w:keepNext/><w:spacing w:before=\"240\"/><w:ind w:left=\"5103\"/><w:jc w:val=\"center\"/>",
        "",
    );
    para(
        &mut out,
        "Podpislinia",
        "Podpis — linia",
        "Podpis",
        "<w:pBdr><w:top w:val=\"dotted\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"720\"/>",
        "",
    );
    para(
        &mut out,
        "Tekstwtabeli",
        "Tekst w tabeli",
        "Normal",
        "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
        "<w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>",
    );
    para(
        &mut out,
        "Odstep",
        "Odstęp",
        "Normal",
        "<w:spacing w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/>",
        "<w:sz w:val=\"8\"/><w:szCs w:val=\"8\"/>",
    );
    para(
        &mut out,
        "Footer",
        "footer",
        "Normal",
        "<w:spacing w:after=\"0\"/><w:jc w:val=\"right\"/>",
        "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
    );
    out.push_str(
        "<w:style w:type=\"character\" w:styleId=\"Podstawaprawnaznak\"><w:name w:val=\"Podstawa prawna (znaki)\"/>\
         <w:rPr><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/></w:rPr></w:style>",
    );
    out.push_str(
        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
         <w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>\
         <w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>\
         </w:tblCellMar></w:tblPr></w:style>",
    );
    out.push_str(
        "<w:style w:type=\"table\" w:styleId=\"Tabela\"><w:name w:val=\"Tabela raportu\"/><w:basedOn w:val=\"TableNormal\"/>\
         <w:tblPr><w:tblBorders>\
         <w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         <w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         <w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         <w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         <w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         <w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         </w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/>\
         <w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>",
    );
    out.push_str("</w:styles>");
    out
}

/// `word/numbering.xml`: the one bulleted list.
pub(super) fn numbering() -> String {
    format!(
        "{XML_DECL}<w:numbering xmlns:w=\"{W_NS}\"><w:abstractNum w:abstractNumId=\"0\">\
         <w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>\
         <w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{2022}\"/><w:lvlJc w:val=\"left\"/>\
         <w:pPr><w:ind w:left=\"357\" w:hanging=\"357\"/></w:pPr></w:lvl></w:abstractNum>\
         <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
    )
}

/// `word/footer1.xml`: "Strona X z Y", the page numbers as fields.
pub(super) fn footer() -> String {
    let field = |code: &str| {
        format!(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> {code} </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        )
    };
    format!(
        "{XML_DECL}<w:ftr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>\
         <w:r><w:t xml:space=\"preserve\">Strona </w:t></w:r>{}<w:r><w:t xml:space=\"preserve\"> z </w:t></w:r>{}</w:p></w:ftr>",
        field("PAGE"),
        field("NUMPAGES")
    )
}

/// `word/settings.xml`: Polish as the language of the theme fonts, a decimal comma.
pub(super) fn settings() -> String {
    format!(
        "{XML_DECL}<w:settings xmlns:w=\"{W_NS}\"><w:defaultTabStop w:val=\"708\"/>\
         <w:characterSpacingControl w:val=\"doNotCompress\"/>\
         <w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
         <w:themeFontLang w:val=\"pl-PL\"/><w:decimalSymbol w:val=\",\"/><w:listSeparator w:val=\";\"/></w:settings>"
    )
}

#[cfg(test)]
mod tests {
    use super::super::parse::read;
    use super::*;

    #[test]
    fn a_table_without_rows_leaves_its_caption_and_no_empty_table() {
        let xml = document(&read(
            "<main><table><caption>Pusta</caption><tbody></tbody></table><p>dalej</p></main>",
        ));
        assert!(!xml.contains("<w:tbl>"), "{xml}");
        assert!(xml.contains("Pusta") && xml.contains("dalej"));
    }

    #[test]
    fn text_is_escaped_and_control_characters_xml_cannot_hold_are_dropped() {
        assert_eq!(
            Xml("<w:t>&\"x\"</w:t>\u{0}\u{1b}\u{b}a\tb\u{FFFF}").to_string(),
            "&lt;w:t&gt;&amp;&quot;x&quot;&lt;/w:t&gt;a\tb"
        );
    }

    #[test]
    fn a_table_has_a_repeating_header_right_aligned_amounts_and_widths_that_fill_the_page() {
        let doc = read(
            "<main><table><caption>Plan</caption><thead><tr><th>Rozdział</th><th class=\"num\">Plan</th></tr></thead>\
             <tbody><tr><td>85154 — Przeciwdziałanie alkoholizmowi</td><td class=\"num\">148 543,63 zł</td></tr></tbody></table></main>",
        );
        let xml = document(&doc);
        assert_eq!(xml.matches("<w:tblHeader/>").count(), 1);
        assert!(xml.contains("<w:tblCaption w:val=\"Plan\"/>"));
        assert!(xml.contains(
            "<w:jc w:val=\"right\"/></w:pPr><w:r><w:t xml:space=\"preserve\">148 543,63 zł</w:t>"
        ));
        let Block::Table(t) = &doc.blocks[0] else {
            panic!()
        };
        let widths = column_widths(&t.rows);
        assert_eq!(widths.iter().sum::<u32>(), TEXT_W);
        assert!(
            widths[1] >= 13 * 105,
            "the amount fits on one line: {widths:?}"
        );
        assert!(xml.ends_with("<w:p><w:pPr><w:pStyle w:val=\"Odstep\"/></w:pPr></w:p><w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1247\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"),
            "a document does not end in a table: {xml}");
    }
}
