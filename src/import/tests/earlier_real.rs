//! The earlier concluding observations real ones cite: for each later review in the fixtures,
//! the links a careful reader finds (each paragraph that cites the earlier review, in its text
//! or its footnotes — "Ibid." followed back to the note it repeats — with the paragraphs
//! cited; one link per paragraph and symbol, however many notes cite it), against what
//! `import-co` records in `earlier:`. Germany (CRPD/C/DEU/CO/2-3) was held
//! out: the reader was written before its citations were looked at.

use super::super::import_file;
use std::path::PathBuf;

/// A link: the paragraph, the symbol it cites, the paragraphs cited joined by "+".
type Link = (u32, &'static str, &'static str);

/// (file, its links).
const TRUTH: [(&str, &[Link]); 7] = [
    (
        "CRPD_C_CAN_CO_2-3",
        &[
            (4, "CRPD/C/CAN/CO/1", ""),
            (5, "CRPD/C/CAN/CO/1", "7"),
            (6, "CRPD/C/CAN/CO/1", "8"),
            (14, "CRPD/C/CAN/CO/1", "17+18"),
            (16, "CRPD/C/CAN/CO/1", "19+20"),
            (24, "CRPD/C/CAN/CO/1", "27+28"),
            (48, "CRPD/C/CAN/CO/1", "44"),
        ],
    ),
    (
        "CRPD_C_DNK_CO_2-3",
        &[
            (8, "CRPD/C/DNK/CO/1", "13"),
            (18, "CRPD/C/DNK/CO/1", "15"),
            (24, "CRPD/C/DNK/CO/1", "19"),
            (56, "CRPD/C/DNK/CO/1", "43"),
            (62, "CRPD/C/DNK/CO/1", "51"),
            (68, "CRPD/C/DNK/CO/1", "57"),
        ],
    ),
    (
        "CRPD_C_DEU_CO_2-3",
        &[(4, "CRPD/C/DEU/CO/1", ""), (6, "CRPD/C/DEU/CO/1", "8 (a)"), (8, "CRPD/C/DEU/CO/1", "8 (b)+10")],
    ),
    (
        "CRPD_C_ECU_CO_2-3",
        &[
            (10, "CRPD/C/ECU/CO/1", "9+11"),
            (12, "CRPD/C/ECU/CO/1", "13"),
            (14, "CRPD/C/ECU/CO/1", "15"),
            (28, "CRPD/C/ECU/CO/1", "27"),
            (32, "CRPD/C/ECU/CO/1", "31"),
        ],
    ),
    ("CRPD_C_SLV_CO_2-3", &[]),
    (
        "cycles/CRPD_C_ESP_CO_2-3",
        &[(6, "CRPD/C/ESP/CO/1", "18"), (34, "CRPD/C/ESP/CO/1", "38"), (50, "CRPD/C/ESP/CO/1", "46")],
    ),
    (
        "cycles/CRPD_C_AZE_CO_2-3",
        &[
            (12, "CRPD/C/AZE/CO/1", "13"),
            (20, "CRPD/C/AZE/CO/1", "23"),
            (28, "CRPD/C/AZE/CO/1", "27"),
            (32, "CRPD/C/AZE/CO/1", "29"),
        ],
    ),
];

/// Every cited link found, nothing else cited: on the text of each document.
#[test]
fn real_citations_of_the_previous_review() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real-co");
    let mut failures = Vec::new();
    let (mut right, mut found, mut wanted) = (0, 0, 0);
    for (name, truth) in TRUTH {
        let co = import_file(&dir.join(format!("{name}.txt")), None).expect("imports").co;
        // One link per paragraph and symbol, whether it cites it in one note or two.
        let mut got: Vec<(u32, String, String)> = Vec::new();
        for (_, p) in co.paragraphs() {
            for e in &p.earlier {
                let Some(symbol) = &e.symbol else { continue };
                match got.iter_mut().find(|g| g.0 == p.number && &g.1 == symbol) {
                    Some(g) if !e.paragraphs.is_empty() => {
                        if !g.2.is_empty() {
                            g.2.push('+');
                        }
                        g.2.push_str(&e.paragraphs.join("+"));
                    }
                    Some(_) => {}
                    None => got.push((p.number, symbol.clone(), e.paragraphs.join("+"))),
                }
            }
        }
        let want: Vec<(u32, String, String)> =
            truth.iter().map(|(n, s, p)| (*n, (*s).to_owned(), (*p).to_owned())).collect();
        found += got.len();
        wanted += want.len();
        right += got.iter().filter(|g| want.contains(g)).count();
        for g in got.iter().filter(|g| !want.contains(g)) {
            failures.push(format!("{name}: found {g:?}, which is not a citation of the previous review"));
        }
        for w in want.iter().filter(|w| !got.contains(w)) {
            failures.push(format!("{name}: missed {w:?}"));
        }
    }
    eprintln!("cited links: {right} right of {found} found, {wanted} in the documents");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
