//! Tables that line up in a terminal with Chinese text: display width (CJK characters take two columns, measured by
//! `unicode-width`), padding and a simple table renderer. Shared by the examples through `#[path = "common/table.rs"] mod table;`.
#![allow(dead_code)] // each example uses the part it needs

/// Display width in a terminal, by Unicode's East Asian Width (UAX #11, through `unicode-width`): CJK characters and
/// full-width punctuation take two columns, ambiguous symbols (✓, ·, ─) one.
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// How a cell is aligned.
#[derive(Clone, Copy)]
pub enum Align {
    /// Text: padded on the right.
    Left,
    /// Numbers: padded on the left.
    Right,
}

/// Pads `s` to `w` display columns.
pub fn pad(s: &str, w: usize, align: Align) -> String {
    let fill = " ".repeat(w.saturating_sub(width(s)));
    match align {
        Align::Left => format!("{s}{fill}"),
        Align::Right => format!("{fill}{s}"),
    }
}

/// Renders rows as a table whose columns line up by display width.
pub fn table(header: &[&str], aligns: &[Align], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cells: Vec<String>| -> String {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .zip(aligns)
            .map(|((c, w), a)| pad(c, *w, *a))
            .collect();
        padded.join("  ").trim_end().to_owned() + "\n"
    };
    let mut out = line(header.iter().map(|h| (*h).to_owned()).collect());
    out += &line(widths.iter().map(|w| "─".repeat(*w)).collect());
    for row in rows {
        out += &line(row.clone());
    }
    out
}
