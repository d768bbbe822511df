//! The county report's page, printed in a real browser: headless Chromium prints it to PDF, and `pdftotext` reads
//! back every county, every finding named and the chart's title, on A4 pages with nothing past the right margin.
//!
//! Needs `chromium` (or `chromium-browser`, `google-chrome`) and poppler's `pdftotext`/`pdfinfo` on the PATH;
//! `.ci/run` installs them (Debian: `apt-get install chromium poppler-utils fonts-noto-cjk`). Without them the
//! test fails in CI (`CI` set) and is skipped with a message elsewhere.

#[path = "../examples/ledger/mod.rs"]
mod ledger;
#[path = "../examples/report/mod.rs"]
mod report;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ledger::{Ledger, Synthetic};
use wage_arrears::scoring::CountyScore;
use wage_arrears::{Policy, WorkCalendar};

/// A4 in PostScript points, and the page's right margin in the page's print styles (12 mm).
const A4: (f64, f64) = (595.28, 841.89);
const RIGHT_MARGIN_PT: f64 = 12.0 * 72.0 / 25.4;

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}

/// The browser and the PDF tools, or why not.
fn tools() -> Result<(PathBuf, PathBuf, PathBuf), String> {
    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|b| on_path(b))
        .ok_or("no chromium on the PATH")?;
    let text = on_path("pdftotext").ok_or("no pdftotext (poppler-utils) on the PATH")?;
    let info = on_path("pdfinfo").ok_or("no pdfinfo (poppler-utils) on the PATH")?;
    Ok((browser, text, info))
}

fn run(cmd: &mut Command, what: &str) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{what} does not run: {e}"));
    assert!(
        out.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Prints `page` to `pdf` with headless Chromium, waiting at most two minutes.
fn print_to_pdf(browser: &Path, page: &Path, pdf: &Path, profile: &Path) {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("chromium runs") {
            assert!(status.success(), "chromium exited with {status}");
            break;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not print the page within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(pdf.is_file(), "chromium wrote no PDF");
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The `xMax` of every word `pdftotext -bbox` finds, with the word.
fn word_right_edges(bbox_html: &str) -> Vec<(f64, String)> {
    bbox_html
        .split("<word ")
        .skip(1)
        .filter_map(|w| {
            let x = w.split("xMax=\"").nth(1)?.split('"').next()?.parse().ok()?;
            let text = w.split('>').nth(1)?.split('<').next()?.to_owned();
            Some((x, text))
        })
        .collect()
}

#[test]
fn the_county_report_prints_on_a4_with_every_county_its_findings_and_the_chart_title() {
    let (browser, pdftotext, pdfinfo) = match tools() {
        Ok(t) => t,
        Err(why) if std::env::var_os("CI").is_some() => {
            panic!("{why}: CI must install chromium and poppler-utils (.ci/run does)")
        }
        Err(why) => {
            eprintln!("skipped: {why} (apt-get install chromium poppler-utils fonts-noto-cjk)");
            return;
        }
    };

    let cal = WorkCalendar::china();
    let policy = Policy::default();
    let l = Ledger::synthetic(2025, 20_250_101, &cal).expect("the synthetic ledger");
    let assessed = ledger::assess(&l, &policy, &cal).expect("the assessment");
    let seed = wage_arrears::review::Seed::from_bytes([7; 32]);
    let doc = report::build(&l, &assessed, &policy, &seed).expect("the report");
    let scores: Vec<&CountyScore> = assessed.counties.iter().map(|c| &c.score).collect();
    let svg = report::chart(assessed.year, &scores, &policy);
    let title = report::chart_title(assessed.year, &policy);
    let page = report::html(&doc, &title, &svg);

    let dir = std::env::temp_dir().join(format!("wage-arrears-print-{}", std::process::id()));
    let profile = dir.join("profile");
    std::fs::create_dir_all(&profile).expect("a temporary directory");
    let html_path = dir.join("report.html");
    let pdf_path = dir.join("report.pdf");
    std::fs::write(&html_path, &page).expect("the page is written");
    print_to_pdf(&browser, &html_path, &pdf_path, &profile);

    let info = run(
        Command::new(&pdfinfo)
            .args(["-f", "1", "-l", "999"])
            .arg(&pdf_path),
        "pdfinfo",
    );
    let sizes: Vec<&str> = info
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .collect();
    assert!(!sizes.is_empty(), "{info}");
    for line in &sizes {
        assert!(line.contains("(A4)"), "not an A4 page: {line}");
    }

    let text = squeeze(&run(
        Command::new(&pdftotext).arg(&pdf_path).arg("-"),
        "pdftotext",
    ));
    assert!(
        text.contains(&squeeze(&title)),
        "the chart's title is not on the pages"
    );
    assert!(
        text.contains(&squeeze(&doc.title)),
        "the report's title is not on the pages"
    );
    for county in &assessed.counties {
        assert!(
            text.contains(&county.county),
            "{} is not on the pages",
            county.county
        );
        for f in &county.score.findings {
            assert!(
                text.contains(&f.clue_id),
                "{}'s finding on {} is not on the pages",
                county.county,
                f.clue_id
            );
        }
    }
    assert!(assessed.counted() > 100, "the report names its findings");

    let bbox = run(
        Command::new(&pdftotext)
            .arg("-bbox")
            .arg(&pdf_path)
            .arg("-"),
        "pdftotext -bbox",
    );
    let words = word_right_edges(&bbox);
    assert!(words.len() > 1000, "pdftotext found {} words", words.len());
    let limit = A4.0 - RIGHT_MARGIN_PT + 1.0;
    let over: Vec<&(f64, String)> = words.iter().filter(|(x, _)| *x > limit).collect();
    assert!(
        over.is_empty(),
        "past the right margin ({limit:.0} pt): {:?}",
        &over[..over.len().min(5)]
    );
    assert!(A4.1 > A4.0);
    let _ = std::fs::remove_dir_all(&dir);
}
