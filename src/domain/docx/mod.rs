//! The report as a Word document (DOCX, Office Open XML): the printable report of
//! [`crate::domain::render`] read into paragraphs and tables ([`parse`]) and written as
//! WordprocessingML ([`word`]) in a ZIP package ([`zip`]), with no dependency but the
//! `miniz_oxide` the backups already use.
//!
//! Reading the print rather than the report keeps one source of the content: the document has
//! the same sections, sentences, tables, figures and citations in the same order as the HTML
//! print, and a change to the print reaches the document by itself. A chart is given as its text
//! alternative and caption, its figures in the data table printed beside it (an editable table
//! that a reader can check, where a picture would go stale when the office edits a figure).
//!
//! Invariants: the output depends only on the report and the layout (no clock: the same report
//! gives the same bytes); report text is only ever text (`<w:t>`), never markup or a field.

mod parse;
mod word;
mod zip;

use super::model::Report;
use super::render::{render_html, RenderOptions};

/// The MIME type of a DOCX file.
pub const MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>";

const PACKAGE_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rIdNumbering\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>\
<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>\
</Relationships>";

/// The report as a DOCX file, laid out as `layout` (the report's own when `None`).
pub fn render_docx(report: &Report, layout: Option<super::model::Layout>) -> Vec<u8> {
    let html = render_html(
        report,
        &RenderOptions {
            layout,
            embed_json: None,
        },
    );
    let doc = parse::read(&html);
    let gmina = report.gmina.name.trim();
    let parts: [(&str, Vec<u8>); 10] = [
        ("[Content_Types].xml", CONTENT_TYPES.into()),
        ("_rels/.rels", PACKAGE_RELS.into()),
        ("docProps/core.xml", core(&doc.title, gmina).into_bytes()),
        ("docProps/app.xml", app(gmina).into_bytes()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.into()),
        ("word/document.xml", word::document(&doc).into_bytes()),
        ("word/styles.xml", word::styles().into_bytes()),
        ("word/settings.xml", word::settings().into_bytes()),
        ("word/numbering.xml", word::numbering().into_bytes()),
        ("word/footer1.xml", word::footer().into_bytes()),
    ];
    zip::archive(&parts)
}

/// `docProps/core.xml`: the title, the gmina as the author, Polish as the language. No dates:
/// the same report gives the same file.
fn core(title: &str, gmina: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>pl-PL</dc:language>\
         </cp:coreProperties>",
        word::Xml(title),
        word::Xml(gmina)
    )
}

/// `docProps/app.xml`: the gmina as the company, the app as the application.
fn app(gmina: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
         <Application>Raport GP</Application><Company>{}</Company></Properties>",
        word::Xml(gmina)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::samples;

    fn part(zip: &[u8], name: &str) -> String {
        let entries = zip::tests::entries(zip);
        let (_, data) = entries
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no part {name}"));
        String::from_utf8(data.clone()).unwrap()
    }

    #[test]
    fn the_kalisz_report_is_a_package_of_every_part_with_its_headings_amounts_and_citations() {
        let report = samples::kalisz_2020();
        let docx = render_docx(&report, None);
        let names: Vec<String> = zip::tests::entries(&docx)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names[0], "[Content_Types].xml");
        assert_eq!(names.len(), 10);
        let doc = part(&docx, "word/document.xml");
        assert!(doc.contains("148 543,63 zł"));
        assert!(doc.contains("art. 10 ust. 1"));
        assert!(doc.contains(
            "<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Raport"
        ));
        assert!(doc.matches("<w:pStyle w:val=\"Heading1\"/>").count() >= 5);
        assert!(!doc.contains("<w:instrText"), "no field in the body");
        let core = part(&docx, "docProps/core.xml");
        assert!(core.contains("<dc:creator>Kalisz</dc:creator>"));
        assert!(core.contains("<dc:language>pl-PL</dc:language>"));
        assert!(part(&docx, "word/styles.xml").contains("<w:lang w:val=\"pl-PL\""));
        assert!(part(&docx, "word/footer1.xml").contains("> NUMPAGES <"));
        assert_eq!(
            docx,
            render_docx(&report, None),
            "the same report, the same bytes"
        );
    }

    #[test]
    fn hostile_text_stays_text() {
        let mut report = samples::small_gmina_2025();
        let hostile = "</w:t><w:instrText> PAGE </w:instrText>&amp;\u{0}\u{1f}]]><![CDATA[";
        report.gmina.name = hostile.into();
        report.activities[0].title = hostile.into();
        let docx = render_docx(&report, None);
        let doc = part(&docx, "word/document.xml");
        assert!(doc.contains(
            "&lt;/w:t&gt;&lt;w:instrText&gt; PAGE &lt;/w:instrText&gt;&amp;amp;]]&gt;&lt;![CDATA["
        ));
        assert!(!doc.contains("<w:instrText"));
        assert!(!doc.contains('\u{0}') && !doc.contains('\u{1f}'));
        assert!(part(&docx, "docProps/core.xml").contains("<dc:creator>&lt;/w:t&gt;"));
    }
}
