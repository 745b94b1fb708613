//! Converts the official ICD-10-PCS tables, definitions and index XML into
//! the project's compact line formats (content/codes/README.md).

use std::fmt::Write;

use roxmltree::{Document, Node};

use crate::cm_source::clean;

/// Tables: one `T` line per table, one `R` line per row.
pub fn convert_tables(xml: &str) -> Result<String, String> {
    let doc = Document::parse(xml).map_err(|e| format!("PCS tables XML: {e}"))?;
    let root = doc.root_element();
    let version = text_of(root, "version");
    let mut out = String::new();
    writeln!(out, "# ICD-10-PCS tables, FY{version}, converted by `hit content build-codes`.").unwrap();
    writeln!(out, "# Generated file: do not edit. Format: content/codes/README.md").unwrap();
    for table in root.children().filter(|n| n.has_tag_name("pcsTable")) {
        let head: Vec<Node> = table.children().filter(|n| n.has_tag_name("axis")).collect();
        if head.len() != 3 {
            return Err(format!("a table has {} leading axes, expected 3", head.len()));
        }
        let mut code = String::new();
        let mut fields = Vec::new();
        for axis in &head {
            let label = axis.children().find(|n| n.has_tag_name("label")).ok_or("axis without label")?;
            code.push_str(label.attribute("code").ok_or("label without code")?);
            fields.push(clean(&text_of(*axis, "title")));
            fields.push(clean(label.text().unwrap_or_default()));
        }
        fields.push(clean(&text_of(head[2], "definition")));
        let rows: Vec<Node> = table.children().filter(|n| n.has_tag_name("pcsRow")).collect();
        let titles = row_titles(rows.first().ok_or_else(|| format!("table {code} has no rows"))?);
        for row in &rows {
            if row_titles(row) != titles {
                return Err(format!("table {code}: rows name their axes differently"));
            }
        }
        writeln!(out, "T\t{code}\t{}\t{}", fields.join("\t"), titles.join("\t")).unwrap();
        for row in rows {
            let axes: Vec<String> = row
                .children()
                .filter(|n| n.has_tag_name("axis"))
                .map(|axis| {
                    axis.children()
                        .filter(|n| n.has_tag_name("label"))
                        .map(|l| format!("{}={}", l.attribute("code").unwrap_or("?"), clean(l.text().unwrap_or_default())))
                        .collect::<Vec<_>>()
                        .join(";")
                })
                .collect();
            if axes.len() != 4 {
                return Err(format!("table {code}: a row has {} axes, expected 4", axes.len()));
            }
            writeln!(out, "R\t{}", axes.join("\t")).unwrap();
        }
    }
    Ok(out)
}

fn row_titles(row: &Node) -> Vec<String> {
    row.children().filter(|n| n.has_tag_name("axis")).map(|a| clean(&text_of(a, "title"))).collect()
}

/// Definitions and keys: `K\tsection\tpos\taxis\tterms\tdefinition\texplanation\tincludes`.
pub fn convert_definitions(xml: &str) -> Result<String, String> {
    let doc = Document::parse(xml).map_err(|e| format!("PCS definitions XML: {e}"))?;
    let root = doc.root_element();
    let mut out = String::new();
    writeln!(out, "# ICD-10-PCS definitions and keys, FY{}, converted by `hit content build-codes`.", text_of(root, "version")).unwrap();
    writeln!(out, "# Generated file: do not edit. Format: content/codes/README.md").unwrap();
    for section in root.children().filter(|n| n.has_tag_name("section")) {
        let code = section.attribute("code").ok_or("section without code")?;
        for axis in section.children().filter(|n| n.has_tag_name("axis")) {
            let pos = axis.attribute("pos").ok_or("axis without pos")?;
            let title = clean(&text_of(axis, "title"));
            for terms in axis.children().filter(|n| n.has_tag_name("terms")) {
                let all = |tag: &str| {
                    terms.children().filter(|n| n.has_tag_name(tag)).map(|n| clean(n.text().unwrap_or_default())).collect::<Vec<_>>()
                };
                writeln!(
                    out,
                    "K\t{code}\t{pos}\t{title}\t{}\t{}\t{}\t{}",
                    all("title").join(" | "),
                    all("definition").join(" "),
                    all("explanation").join(" "),
                    all("includes").join(" | ")
                )
                .unwrap();
            }
        }
    }
    Ok(out)
}

/// Index entries that lead to codes: `I\tpath\tsee\tcode prefix`, where path
/// is the main term and subterms joined by " > ".
pub fn convert_index(xml: &str) -> Result<String, String> {
    let doc = Document::parse(xml).map_err(|e| format!("PCS index XML: {e}"))?;
    let root = doc.root_element();
    let mut out = String::new();
    writeln!(out, "# ICD-10-PCS alphabetic index, FY{}, converted by `hit content build-codes`.", text_of(root, "version")).unwrap();
    writeln!(out, "# Generated file: do not edit. Format: content/codes/README.md").unwrap();
    for letter in root.children().filter(|n| n.has_tag_name("letter")) {
        for main in letter.children().filter(|n| n.has_tag_name("mainTerm")) {
            walk_index(main, &mut Vec::new(), &mut out);
        }
    }
    Ok(out)
}

fn walk_index(term: Node, path: &mut Vec<String>, out: &mut String) {
    let title = clean(&text_of(term, "title"));
    let pushed = !title.is_empty();
    if pushed {
        path.push(title);
    }
    let target = |node: Node| -> Option<String> {
        ["codes", "code", "tab"]
            .iter()
            .find_map(|tag| node.children().find(|n| n.has_tag_name(*tag)).and_then(|n| n.text()))
            .map(|t| t.trim().to_string())
    };
    if let Some(code) = target(term) {
        writeln!(out, "I\t{}\t\t{code}", path.join(" > ")).unwrap();
    }
    for see in term.children().filter(|n| n.has_tag_name("see")) {
        if let Some(code) = target(see) {
            let text = clean(see.children().filter(|n| n.is_text()).filter_map(|n| n.text()).collect::<String>().as_str());
            writeln!(out, "I\t{}\t{text}\t{code}", path.join(" > ")).unwrap();
        }
    }
    for child in term.children().filter(|n| n.has_tag_name("term")) {
        walk_index(child, path, out);
    }
    if pushed {
        path.pop();
    }
}

fn text_of(node: Node, tag: &str) -> String {
    node.children().find(|n| n.has_tag_name(tag)).and_then(|n| n.text()).unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_a_table() {
        let xml = r#"<ICD10PCS.tabular><version>2026</version><pcsTable>
<axis pos="1" values="1"><title>Section</title><label code="0">Medical and Surgical</label></axis>
<axis pos="2" values="1"><title>Body System</title><label code="F">Hepatobiliary System and Pancreas</label></axis>
<axis pos="3" values="1"><title>Operation</title><label code="T">Resection</label><definition>Cutting out or off, without replacement, all of a body part</definition></axis>
<pcsRow codes="2"><axis pos="4" values="1"><title>Body Part</title><label code="4">Gallbladder</label></axis>
<axis pos="5" values="2"><title>Approach</title><label code="0">Open</label><label code="4">Percutaneous Endoscopic</label></axis>
<axis pos="6" values="1"><title>Device</title><label code="Z">No Device</label></axis>
<axis pos="7" values="1"><title>Qualifier</title><label code="Z">No Qualifier</label></axis></pcsRow>
</pcsTable></ICD10PCS.tabular>"#;
        let out = convert_tables(xml).unwrap();
        let body: Vec<&str> = out.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(body, [
            "T\t0FT\tSection\tMedical and Surgical\tBody System\tHepatobiliary System and Pancreas\tOperation\tResection\tCutting out or off, without replacement, all of a body part\tBody Part\tApproach\tDevice\tQualifier",
            "R\t4=Gallbladder\t0=Open;4=Percutaneous Endoscopic\tZ=No Device\tZ=No Qualifier",
        ]);
    }

    #[test]
    fn index_keeps_paths_and_targets() {
        let xml = r#"<ICD10PCS.index><version>2025</version><letter><title>C</title>
<mainTerm><title>Cholecystectomy</title><term level="1"><see>Resection, Gallbladder<codes>0FT4</codes></see></term></mainTerm>
<mainTerm><title>Acetabular cup</title><use>Liner in Lower Joints</use></mainTerm>
<mainTerm><title>Alteration</title><term level="1"><title>Abdominal Wall</title><codes>0W0F</codes></term></mainTerm>
</letter></ICD10PCS.index>"#;
        let out = convert_index(xml).unwrap();
        let body: Vec<&str> = out.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(body, ["I\tCholecystectomy\tResection, Gallbladder\t0FT4", "I\tAlteration > Abdominal Wall\t\t0W0F"]);
    }
}
