//! [proptest](https://docs.rs/proptest) generators of the crate's model, for the property tests of services built
//! on it (feature `proptest`, off by default).
//!
//! A service that stores clues, renders them, routes them or reports on them can test its own code against
//! every kind of record the rules know, not only the few its fixtures hold:
//!
//! | generator | what it makes |
//! |---|---|
//! | [`clue`] | any clue, however odd (dates at the ends of time, empty texts, amounts at the integer limits), that [`Clue::check`] accepts and so JSON reads back |
//! | [`clean_clue`] | a closed clue of any source and conclusion that [`validate`](crate::validate) finds clean under a given policy |
//! | [`clue_breaking`] | a clue that breaks exactly one given rule of [`validate`](crate::validate) ([`broken_clue`]: any one of them, with the rule) |
//! | [`policy`] | a policy [`Policy::validate`] accepts, its numbers and switches varied ([`odd_policy`]: some it refuses) |
//! | [`finding`] | a finding of any kind, its rule the kind's |
//! | [`ledger`] | clues with distinct ids (clean, still open, or with one defect) and findings naming them |
//! | [`date`], [`source`], [`conclusion`], [`finding_kind`] | the pieces |
//!
//! In a service's `tests/`, with `wage-arrears = { version = "…", features = ["proptest"] }` under
//! `[dev-dependencies]`, a property of the service's own code:
//!
//! ```
//! use proptest::prelude::*;
//! use wage_arrears::{Clue, Error, Policy, WorkCalendar, strategies};
//!
//! /// The service's own code: the line its dashboard shows for a clue on a day.
//! fn dashboard_line(clue: &Clue, day: chrono::NaiveDate) -> Result<String, Error> {
//!     let status = wage_arrears::status(clue, &Policy::default(), &WorkCalendar::china(), day)?;
//!     Ok(match status.is_overdue() {
//!         Some(why) => format!("{} {}", clue.id, why),
//!         None => format!("{} 正常", clue.id),
//!     })
//! }
//!
//! proptest! {
//!     // In `tests/`, `#[test]` goes above the `fn`; this example calls it instead.
//!     fn every_clean_clue_has_a_one_line_dashboard_entry(clue in strategies::clean_clue(&Policy::default())) {
//!         let day = clue.closed_on.unwrap_or(clue.registered_on);
//!         let line = dashboard_line(&clue, day)?;
//!         prop_assert!(line.starts_with(&clue.id) && !line.contains('\n'), "{}", line);
//!     }
//! }
//! every_clean_clue_has_a_one_line_dashboard_entry();
//! ```
//!
//! Every generator is deterministic given proptest's random source, and none depends on how the crate draws its
//! spot-check sample or on the seed type it uses. Ids: [`clean_clue`] and [`clue`] may give two draws the same id;
//! when a test needs several clues, take them from [`ledger`], whose ids are distinct (functions that read a slice
//! of clues refuse two different records under one id).

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use proptest::strategy::{BoxedStrategy, Strategy};

use crate::disposition::content_chars;
use crate::{
    Agreement, CardBasis, Clue, Conclusion, Contact, ContactChannel, EffectiveHandling,
    EscalationBasis, EscalationFacts, Fen, Finding, FindingKind, FindingMonth, HandlingLevel,
    Investigation, Payment, Points, Policy, Progress, ProgressEvidence, ProgressKind, Rate,
    Response, Rollover, Rounding, RuleId, Source, SourceClock, Submission,
};

/// The twelve counties (县市区) of Pingdingshan, the city of the default policy.
const COUNTIES: [&str; 12] = [
    "汝州市",
    "舞钢市",
    "宝丰县",
    "叶县",
    "鲁山县",
    "郏县",
    "新华区",
    "卫东区",
    "石龙区",
    "湛河区",
    "高新区",
    "城乡一体化示范区",
];

const FACTS: &str = "反映人张某等6名农民工称，2024年9月至12月在叶县某安置房项目从事钢筋绑扎，\
项目劳务分包单位拖欠工资共计3.6万元，多次向项目部讨要未果。";
const HANDLING: &str = "接到线索后当日电话联系反映人，调取考勤表、工资表，约谈劳务分包单位负责人，\
核实欠薪事实，依法督促其限期支付，并向反映人反馈处理情况。";
/// Appended to a text until it is as long as the policy asks (no whitespace: every character counts).
const MORE: &str = "经进一步核查，用人单位对欠薪事实无异议，承诺按期支付。";

/// The first day of the years clean clues live in.
const FIRST: NaiveDate = crate::calendar::const_date(2025, 1, 1);

fn plus(date: NaiveDate, days: u64) -> NaiveDate {
    // Only ever called inside 2024–2027 by the generators below; the fallback keeps it total.
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

/// `text`, lengthened with sentences of the same record until it has at least `min` characters that count.
fn at_least(text: &str, min: u32) -> String {
    let min = usize::try_from(min).unwrap_or(usize::MAX);
    let mut s = text.to_owned();
    while content_chars(&s) < min {
        s.push_str(MORE);
    }
    s
}

// ── The pieces ──────────────────────────────────────────────────────────────────────────────────────────

/// Any source of [`Source::ALL`].
///
/// ```
/// use proptest::test_runner::TestRunner;
/// use wage_arrears::{Source, strategies};
///
/// // A service's property: every source it may receive round-trips through its Chinese name.
/// TestRunner::default().run(&strategies::source(), |s| {
///     proptest::prop_assert_eq!(s.to_string().parse::<Source>(), Ok(s));
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn source() -> impl Strategy<Value = Source> {
    proptest::sample::select(Source::ALL)
}

/// Any of the ten conclusions.
///
/// ```
/// use proptest::test_runner::TestRunner;
/// use wage_arrears::{Conclusion, strategies};
///
/// TestRunner::default().run(&strategies::conclusion(), |c| {
///     proptest::prop_assert_eq!(c.code().to_string().parse::<Conclusion>(), Ok(c));
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn conclusion() -> impl Strategy<Value = Conclusion> {
    proptest::sample::select(&Conclusion::ALL[..])
}

/// Any of the eight finding kinds.
///
/// ```
/// use proptest::test_runner::TestRunner;
/// use wage_arrears::strategies;
///
/// TestRunner::default().run(&strategies::finding_kind(), |k| {
///     proptest::prop_assert!((1..=8).contains(&k.number()));
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn finding_kind() -> impl Strategy<Value = FindingKind> {
    proptest::sample::select(FindingKind::ALL)
}

/// A date anywhere: mostly in 2024–2026 (the years the built-in calendar knows and clean clues live in),
/// sometimes anywhere from 1900 to 2119, sometimes [`NaiveDate::MIN`] or [`NaiveDate::MAX`].
///
/// ```
/// use proptest::test_runner::TestRunner;
/// use wage_arrears::{WorkCalendar, strategies};
///
/// // The calendar answers every date or refuses it; it never guesses and never panics.
/// let cal = WorkCalendar::china();
/// TestRunner::default().run(&strategies::date(), |day| {
///     let known = cal.coverage().contains(&day);
///     proptest::prop_assert_eq!(cal.is_working_day(day).is_ok(), known);
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn date() -> impl Strategy<Value = NaiveDate> {
    let start = crate::calendar::const_date(2024, 1, 1);
    let old = crate::calendar::const_date(1900, 1, 1);
    prop_oneof![
        8 => (0u64..1_096).prop_map(move |n| plus(start, n)),
        3 => (0u64..80_000).prop_map(move |n| plus(old, n)),
        1 => Just(NaiveDate::MIN),
        1 => Just(NaiveDate::MAX),
    ]
}

/// A county of Pingdingshan.
fn county() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(&COUNTIES[..])
}

// ── Any clue ────────────────────────────────────────────────────────────────────────────────────────────

fn odd_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(FACTS.to_owned()),
        "[a-z 欠薪\n]{0,40}",
    ]
}

fn odd_id() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "PDS-[0-9]{4}-[0-9]{4}",
        1 => Just(String::new()),
        1 => "[ -~线索\t]{0,12}",
    ]
}

/// Any clue, however odd, that [`Clue::check`] accepts — and so one that JSON reads back as it was written:
/// every field random, dates anywhere (inside and outside the calendar, at the ends of time), out of order where
/// only [`validate`](crate::validate) would say so, amounts up to `u64::MAX` fen, texts empty or not, ids and
/// counties that are not the platform's. For the "never panics, never lies" properties of a service.
///
/// ```
/// use proptest::test_runner::TestRunner;
/// use wage_arrears::{Policy, WorkCalendar, strategies};
///
/// // Whatever the clue, the status is an answer or an error, and an answer is dated the day asked about.
/// let (policy, cal) = (Policy::default(), WorkCalendar::china());
/// let day = wage_arrears::date(2025, 6, 30)?;
/// TestRunner::default().run(&strategies::clue(), |clue| {
///     if let Ok(s) = wage_arrears::status(&clue, &policy, &cal, day) {
///         proptest::prop_assert_eq!(s.as_of, day);
///     }
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn clue() -> impl Strategy<Value = Clue> {
    (
        (
            (
                odd_id(),
                source(),
                prop_oneof![county().prop_map(str::to_owned), odd_text()],
            ),
            date(),
            prop::option::of(date()),
            prop::option::of(conclusion()),
            any::<u64>(),
            any::<u32>(),
        ),
        prop::collection::vec((date(), any::<bool>()), 0..5),
        (odd_text(), odd_text()),
        prop::option::of((
            date(),
            any::<bool>(),
            any::<bool>(),
            prop_oneof![Just(String::new()), Just("笔录".to_owned())],
        )),
        (
            prop::option::of(date()),
            prop::option::of((date(), any::<u64>())),
            prop::option::of(date()),
            prop::option::of(date()),
            prop::option::of(date()),
        ),
        prop::option::of((
            date(),
            date(),
            any::<u64>(),
            prop::option::of(date()),
            (any::<bool>(), prop::option::of(date())),
            prop::collection::vec(date(), 0..3),
        )),
        prop::collection::vec(
            (
                date(),
                any::<bool>(),
                prop::option::of((date(), prop::option::of(odd_text()))),
            ),
            0..5,
        ),
        (
            prop::option::of(date()),
            any::<bool>(),
            any::<[bool; 6]>(),
            prop::option::of(date()),
            prop::collection::vec(date(), 0..3),
        ),
        (
            prop::collection::vec((date(), any::<bool>()), 0..3),
            prop::option::of(prop_oneof![
                Just("（2025）豫04执12号".to_owned()),
                Just(String::new())
            ]),
            odd_text(),
        ),
    )
        .prop_map(
            |(head, contacts, texts, inv, steps, agreement, subs, tail, extra)| {
                let ((id, source, county), registered, accepted, conclusion, owed, workers) = head;
                let mut c = Clue::new(id, source, county, registered);
                // Accepted and closed on or after registration: what `Clue::check` (and so JSON) requires.
                c.accepted_on = accepted.map(|a| a.max(registered));
                c.conclusion = conclusion;
                c.amount_owed = Fen(owed);
                c.workers = workers;
                c.contacts = contacts
                    .into_iter()
                    .map(|(on, reached)| Contact {
                        on,
                        channel: if reached {
                            ContactChannel::InPerson
                        } else {
                            ContactChannel::Message
                        },
                        reached,
                        note: String::new(),
                    })
                    .collect();
                (c.facts, c.handling) = texts;
                c.investigation =
                    inv.map(
                        |(on, arrears_verified, employer_refuses, record)| Investigation {
                            on,
                            arrears_verified,
                            employer_refuses,
                            record,
                        },
                    );
                let (filed, payment, enforcement, police, informed) = steps;
                c.case_filed_on = filed;
                c.payment = payment.map(|(on, amount)| Payment {
                    on,
                    amount: Fen(amount),
                });
                c.enforcement_applied_on = enforcement;
                c.police_transfer_on = police;
                c.reporter_informed_on = informed;
                c.agreement = agreement.map(
                    |(
                        signed_on,
                        pay_by,
                        amount,
                        paid_on,
                        (refused_to_perform, refused_on),
                        follow_ups,
                    )| {
                        Agreement {
                            signed_on,
                            pay_by,
                            amount: Fen(amount),
                            paid_on,
                            refused_to_perform,
                            refused_on: refused_on.filter(|_| refused_to_perform),
                            follow_ups,
                        }
                    },
                );
                c.submissions = subs
                    .into_iter()
                    .map(|(submitted_on, revised, returned)| Submission {
                        submitted_on,
                        revised,
                        returned_on: returned.as_ref().map(|(on, _)| *on),
                        return_reason: returned.and_then(|(_, why)| why),
                        irregular_format: false,
                        format_reminder_on: None,
                    })
                    .collect();
                let (closed, ministry, esc, reviewed, visits) = tail;
                c.closed_on = closed.map(|x| x.max(registered));
                c.transferred_by_ministry = ministry;
                c.escalation = EscalationFacts {
                    cross_region: esc[0],
                    settlement_dispute: esc[1],
                    repeated_complaint: esc[2],
                    public_opinion_incident: esc[3],
                    transferred_by_superior: esc[4],
                };
                c.handling_level = if esc[5] {
                    HandlingLevel::City
                } else {
                    HandlingLevel::County
                };
                c.reviewed_on = reviewed;
                c.return_visits = visits;
                let (progress, award, responsible) = extra;
                c.progress = progress
                    .into_iter()
                    .map(|(on, feedback)| Progress {
                        on,
                        kind: if feedback {
                            ProgressKind::Feedback
                        } else {
                            ProgressKind::Note
                        },
                        note: String::new(),
                    })
                    .collect();
                c.award_or_judgment = award;
                c.responsible = responsible;
                c
            },
        )
        // The promise, kept even if `check` learns a new rule before this generator does.
        .prop_filter("a clue Clue::check accepts", |c| c.check().is_ok())
}

// ── Clean clues ─────────────────────────────────────────────────────────────────────────────────────────

/// The raw numbers a clean clue is built from (days are gaps from the fact before).
#[derive(Debug, Clone)]
struct Plan {
    conclusion: Conclusion,
    source: Source,
    county: &'static str,
    number: u32,
    registered: u64,
    accept_gap: u64,
    contact_gaps: Vec<(u64, bool, u8)>,
    investigation_gap: u64,
    filing_gap: u64,
    step_gap: u64,
    close_gap: u64,
    owed: u64,
    workers: u32,
    paid_share: u64,
    verified: bool,
    refuses: bool,
    ministry: bool,
    agreement: Option<(u64, u64, Option<u64>, Vec<u64>)>,
    submissions: Vec<(u64, bool)>,
    visits: Vec<u64>,
    reviewed: Option<u64>,
    city: bool,
    progress: Vec<(u64, bool)>,
}

fn plan(conclusions: Vec<Conclusion>) -> impl Strategy<Value = Plan> {
    (
        (
            proptest::sample::select(conclusions),
            source(),
            county(),
            0u32..100_000,
            0u64..540,
            0u64..4,
        ),
        prop::collection::vec((0u64..5, any::<bool>(), 0u8..3), 3..7),
        (0u64..10, 0u64..8, 0u64..10, 0u64..25),
        (
            1u64..1_000_000_000,
            1u32..200,
            0u64..=100,
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        ),
        prop::option::of((
            0u64..10,
            1u64..60,
            prop::option::of(0u64..90),
            prop::collection::vec(0u64..90, 0..4),
        )),
        (
            prop::collection::vec((0u64..6, any::<bool>()), 1..4),
            prop::collection::vec(0u64..60, 0..3),
            prop::option::of(0u64..40),
            any::<bool>(),
            prop::collection::vec((0u64..40, any::<bool>()), 0..3),
        ),
    )
        .prop_map(
            |(
                (conclusion, source, county, number, registered, accept_gap),
                contact_gaps,
                (investigation_gap, filing_gap, step_gap, close_gap),
                (owed, workers, paid_share, verified, refuses, ministry),
                agreement,
                (submissions, visits, reviewed, city, progress),
            )| Plan {
                conclusion,
                source,
                county,
                number,
                registered,
                accept_gap,
                contact_gaps,
                investigation_gap,
                filing_gap,
                step_gap,
                close_gap,
                owed,
                workers,
                paid_share,
                verified,
                refuses,
                ministry,
                agreement,
                submissions,
                visits,
                reviewed,
                city,
                progress,
            },
        )
}

/// What a clean clue needs from the policy: the numbers [`validate`](crate::validate) reads.
#[derive(Debug, Clone, Copy)]
struct Needs {
    min_contacts: u32,
    min_text_chars: u32,
}

impl Needs {
    fn of(policy: &Policy) -> Needs {
        Needs {
            min_contacts: policy.min_contacts,
            min_text_chars: policy.min_text_chars,
        }
    }
}

/// A clue built from a plan to meet every rule [`validate`](crate::validate) checks for its conclusion.
fn build(p: &Plan, needs: Needs) -> Clue {
    use Conclusion as C;
    let registered = plus(FIRST, p.registered);
    let mut c = Clue::new(
        format!("PDS-{}-{:05}", registered.year(), p.number),
        p.source,
        p.county,
        registered,
    );
    let accepted = plus(registered, p.accept_gap);
    c.accepted_on = Some(accepted);
    c.handling_level = if p.city {
        HandlingLevel::City
    } else {
        HandlingLevel::County
    };
    c.amount_owed = Fen(p.owed);
    c.workers = p.workers;
    c.responsible = "赵强".into();
    c.facts = at_least(FACTS, needs.min_text_chars);
    c.handling = at_least(HANDLING, needs.min_text_chars);
    // 平人社监察〔2024〕15号 三(二)：联系反映人至少要3次以上并做好记录 — as many as the policy asks, the first one
    // reaching the reporter (首问负责制).
    let mut day = accepted;
    let wanted = usize::try_from(needs.min_contacts).unwrap_or(usize::MAX);
    let n = p.contact_gaps.len().max(wanted);
    c.contacts = (0..n)
        .map(|i| {
            let (gap, reached, channel) = p.contact_gaps.get(i).copied().unwrap_or((0, false, 0));
            day = plus(day, gap);
            Contact {
                on: day,
                channel: match channel {
                    0 => ContactChannel::Phone,
                    1 => ContactChannel::Message,
                    _ => ContactChannel::InPerson,
                },
                reached: reached || i == 0,
                note: "联系反映人，了解欠薪情况并告知办理进度".into(),
            }
        })
        .collect();
    let investigated = plus(accepted, p.investigation_gap);
    // 9 and 10 find no arrears; 1–4 verified them; refusal only where the conclusion files (1–4) or nothing was
    // verified (平人社监察〔2024〕15号 三(二)：对拒不履行的要依法立案处理).
    let verified = match p.conclusion {
        C::NoArrears | C::InvalidClue => false,
        C::FiledPaid | C::FiledEnforcement | C::FiledPolice | C::FiledEnforcementAndPolice => true,
        _ => p.verified,
    };
    let refuses = p.refuses && (p.conclusion.is_filed() || !verified);
    c.investigation = Some(Investigation {
        on: investigated,
        arrears_verified: verified,
        employer_refuses: refuses,
        record: "调查询问笔录及考勤表、工资表复印件".into(),
    });
    let filed = plus(investigated, p.filing_gap);
    if p.conclusion.is_filed() {
        c.case_filed_on = Some(filed);
    }
    let step = plus(filed, p.step_gap);
    let paid = Fen(p.owed / 100 * p.paid_share);
    match p.conclusion {
        // Code 1 is “已支付完毕”: paid in full.
        C::FiledPaid => c.payment = Some(Payment::new(step, Fen(p.owed))),
        C::FiledEnforcement => c.enforcement_applied_on = Some(step),
        C::FiledPolice => c.police_transfer_on = Some(step),
        C::FiledEnforcementAndPolice => {
            c.enforcement_applied_on = Some(step);
            c.police_transfer_on = Some(step);
        }
        C::Coordinated => match &p.agreement {
            Some((signed_gap, term, paid_gap, follow_ups)) => {
                let signed = plus(investigated, *signed_gap);
                c.agreement = Some(Agreement {
                    signed_on: signed,
                    pay_by: plus(signed, *term),
                    amount: paid,
                    paid_on: paid_gap.map(|g| plus(signed, g)),
                    refused_to_perform: false,
                    refused_on: None,
                    follow_ups: follow_ups.iter().map(|&g| plus(signed, g)).collect(),
                });
            }
            None => c.payment = Some(Payment::new(step, paid)),
        },
        C::Arbitration | C::Litigation => c.reporter_informed_on = Some(step),
        C::EnforcementDifficulty => c.award_or_judgment = Some("（2025）豫0421民初882号".into()),
        C::NoArrears | C::InvalidClue => {}
    }
    c.conclusion = Some(p.conclusion);
    let closed = plus(filed.max(investigated), p.close_gap);
    c.closed_on = Some(closed);
    c.transferred_by_ministry = p.ministry;
    c.progress = p
        .progress
        .iter()
        .map(|&(gap, feedback)| {
            let on = plus(accepted, gap);
            if feedback {
                Progress::feedback(on, "已联系用人单位，正在核实")
            } else {
                Progress::note(on, "调取考勤表、工资表")
            }
        })
        .collect();
    // Submitted on or after closing; each return answered by a revised resubmission (三(三)).
    let mut day = closed;
    let last = p.submissions.len().saturating_sub(1);
    c.submissions = p
        .submissions
        .iter()
        .enumerate()
        .map(|(i, &(gap, revised))| {
            let submitted_on = plus(day, gap);
            let returned = (i < last).then(|| plus(submitted_on, 1));
            day = returned.unwrap_or(submitted_on);
            Submission {
                submitted_on,
                revised: revised || i > 0,
                returned_on: returned,
                return_reason: returned.map(|_| "请补充证据材料".into()),
                irregular_format: false,
                format_reminder_on: None,
            }
        })
        .collect();
    c.return_visits = p.visits.iter().map(|&g| plus(closed, g)).collect();
    c.reviewed_on = p.reviewed.map(|g| plus(closed, g));
    c
}

/// A closed clue, of any source and any of the ten conclusions, whose record meets every rule
/// [`validate`](crate::validate) checks under `policy`: the record its conclusion needs (立案, 支付, 强制执行,
/// 移送公安, 还款协议, 告知反映人, 裁决文书, 调查记录), `policy.min_contacts` contacts or more (the first reaching
/// the reporter), facts and handling of `policy.min_text_chars` characters or more, a refusing employer filed,
/// returned submissions revised, amounts within the amount owed, dates in order.
///
/// Registered in 2025–2026 (inside the built-in calendar), in one of Pingdingshan's counties. The rules that need
/// the calendar (the clocks, [`detect_findings`](crate::detect_findings)) are not built in: a clean clue may have
/// been accepted or answered late — which is what a service's reports should show. The policy's `min_contacts`
/// and `min_text_chars` set how many contacts and how many characters each clue carries, so a policy asking for
/// millions makes clues that large.
///
/// ```
/// use proptest::test_runner::TestRunner;
/// use wage_arrears::{Policy, strategies};
///
/// // A service's property: the clues it would submit pass the city's check under its own policy, and its JSON
/// // store gives back what it was given.
/// let policy = Policy::builder().min_contacts(4).min_text_chars(40).build()?;
/// TestRunner::default().run(&strategies::clean_clue(&policy), |clue| {
///     proptest::prop_assert!(wage_arrears::validate(&clue, &policy).is_clean());
///     proptest::prop_assert!(clue.closed_on.is_some() && clue.conclusion.is_some());
///     let json = serde_json::to_string(&clue).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
///     let back: wage_arrears::Clue = serde_json::from_str(&json).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
///     proptest::prop_assert_eq!(back, clue);
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn clean_clue(policy: &Policy) -> impl Strategy<Value = Clue> + use<> {
    clean_clue_of(Conclusion::ALL.to_vec(), Needs::of(policy))
}

fn clean_clue_of(conclusions: Vec<Conclusion>, needs: Needs) -> impl Strategy<Value = Clue> {
    plan(conclusions).prop_map(move |p| build(&p, needs))
}

// ── Clues that break one rule ───────────────────────────────────────────────────────────────────────────

/// One violating fact, applied to a clean clue, and the one rule it breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Break {
    NoCaseFiled,
    NoPayment,
    NoEnforcement,
    NoPoliceTransfer,
    NoPaymentNorAgreement,
    ReporterNotInformed,
    NoAward,
    NoInvestigation,
    ArrearsVerified,
    TooFewContacts,
    NeverReached,
    ShortText,
    RefusedButCoordinated,
    MinistryClueOpen,
    ResubmittedUnrevised,
    PaidTooMuch,
    DueOnSigning,
    ContactBeforeRegistration,
}

impl Break {
    const ALL: [Break; 18] = [
        Break::NoCaseFiled,
        Break::NoPayment,
        Break::NoEnforcement,
        Break::NoPoliceTransfer,
        Break::NoPaymentNorAgreement,
        Break::ReporterNotInformed,
        Break::NoAward,
        Break::NoInvestigation,
        Break::ArrearsVerified,
        Break::TooFewContacts,
        Break::NeverReached,
        Break::ShortText,
        Break::RefusedButCoordinated,
        Break::MinistryClueOpen,
        Break::ResubmittedUnrevised,
        Break::PaidTooMuch,
        Break::DueOnSigning,
        Break::ContactBeforeRegistration,
    ];

    /// The rule the fact breaks.
    const fn rule(self) -> RuleId {
        match self {
            Break::NoCaseFiled => RuleId::ConclusionNeedsCaseFiled,
            Break::NoPayment => RuleId::ConclusionNeedsPayment,
            Break::NoEnforcement => RuleId::ConclusionNeedsEnforcement,
            Break::NoPoliceTransfer => RuleId::ConclusionNeedsPoliceTransfer,
            Break::NoPaymentNorAgreement => RuleId::ConclusionNeedsPaymentOrAgreement,
            Break::ReporterNotInformed => RuleId::ConclusionNeedsReporterInformed,
            Break::NoAward => RuleId::ConclusionNeedsAward,
            Break::NoInvestigation => RuleId::ConclusionNeedsInvestigation,
            Break::ArrearsVerified => RuleId::InvalidClueNotWhereArrears,
            Break::TooFewContacts => RuleId::ContactMinimum,
            Break::NeverReached => RuleId::FirstContact,
            Break::ShortText => RuleId::DetailedText,
            Break::RefusedButCoordinated => RuleId::MustFileWhenRefused,
            Break::MinistryClueOpen => RuleId::MinistryClueClosedBeforeSubmission,
            Break::ResubmittedUnrevised => RuleId::ReturnedClueRevised,
            Break::PaidTooMuch => RuleId::PaidWithinOwed,
            Break::DueOnSigning => RuleId::AgreementDueAfterSigning,
            Break::ContactBeforeRegistration => RuleId::DatesInOrder,
        }
    }

    /// The conclusions of the clean clues the fact can break alone.
    fn conclusions(self) -> Vec<Conclusion> {
        use Conclusion as C;
        match self {
            Break::NoCaseFiled => vec![
                C::FiledPaid,
                C::FiledEnforcement,
                C::FiledPolice,
                C::FiledEnforcementAndPolice,
            ],
            Break::NoPayment => vec![C::FiledPaid],
            Break::NoEnforcement => vec![C::FiledEnforcement, C::FiledEnforcementAndPolice],
            Break::NoPoliceTransfer => vec![C::FiledPolice, C::FiledEnforcementAndPolice],
            Break::NoPaymentNorAgreement | Break::RefusedButCoordinated | Break::DueOnSigning => {
                vec![C::Coordinated]
            }
            Break::ReporterNotInformed => vec![C::Arbitration, C::Litigation],
            Break::NoAward => vec![C::EnforcementDifficulty],
            Break::NoInvestigation | Break::ArrearsVerified => vec![C::NoArrears, C::InvalidClue],
            Break::PaidTooMuch => vec![C::FiledPaid, C::Coordinated],
            _ => C::ALL.to_vec(),
        }
    }

    /// Whether the policy leaves room to break the rule alone: fewer contacts than the minimum still need one
    /// that reached the reporter, and a text shorter than the minimum needs a minimum above 0.
    fn possible(self, needs: Needs) -> bool {
        match self {
            Break::TooFewContacts => needs.min_contacts >= 2,
            Break::ShortText => needs.min_text_chars >= 1,
            _ => true,
        }
    }

    /// Applies the fact to a clean clue.
    fn apply(self, mut c: Clue, needs: Needs) -> Clue {
        match self {
            Break::NoCaseFiled => c.case_filed_on = None,
            Break::NoPayment => c.payment = None,
            Break::NoEnforcement => c.enforcement_applied_on = None,
            Break::NoPoliceTransfer => c.police_transfer_on = None,
            Break::NoPaymentNorAgreement => {
                c.payment = None;
                c.agreement = None;
            }
            Break::ReporterNotInformed => c.reporter_informed_on = None,
            Break::NoAward => c.award_or_judgment = None,
            Break::NoInvestigation => c.investigation = None,
            Break::ArrearsVerified => {
                if let Some(i) = c.investigation.as_mut() {
                    i.arrears_verified = true;
                    i.employer_refuses = false;
                }
            }
            Break::TooFewContacts => {
                let keep = usize::try_from(needs.min_contacts)
                    .unwrap_or(usize::MAX)
                    .saturating_sub(1)
                    .max(1);
                c.contacts.truncate(keep);
            }
            Break::NeverReached => c.contacts.iter_mut().for_each(|k| k.reached = false),
            Break::ShortText => {
                let keep = usize::try_from(needs.min_text_chars)
                    .unwrap_or(usize::MAX)
                    .saturating_sub(1);
                c.handling = c.handling.chars().take(keep).collect();
            }
            Break::RefusedButCoordinated => {
                if let Some(i) = c.investigation.as_mut() {
                    i.arrears_verified = true;
                    i.employer_refuses = true;
                }
            }
            Break::MinistryClueOpen => {
                c.transferred_by_ministry = true;
                c.closed_on = None;
            }
            Break::ResubmittedUnrevised => {
                if let Some(last) = c.submissions.last_mut() {
                    last.returned_on = Some(last.submitted_on);
                    last.return_reason = Some("请补充证据材料".into());
                    let again = Submission::new(last.submitted_on);
                    c.submissions.push(again);
                }
            }
            Break::PaidTooMuch => {
                let over = Fen(c.amount_owed.fen().saturating_add(1));
                if let Some(p) = c.payment.as_mut() {
                    p.amount = over;
                }
                if let Some(a) = c.agreement.as_mut() {
                    a.amount = over;
                }
            }
            Break::DueOnSigning => {
                if let Some(a) = c.agreement.as_mut() {
                    a.pay_by = a.signed_on;
                }
            }
            Break::ContactBeforeRegistration => {
                if let Some(before) = c.registered_on.pred_opt() {
                    c.contacts
                        .push(Contact::phone(before).with_note("登记前已电话联系反映人"));
                }
            }
        }
        c
    }

    fn strategy(self, needs: Needs) -> BoxedStrategy<Clue> {
        let clean = clean_clue_of(self.conclusions(), needs);
        match self {
            // A code-5 clue settled by payment has no agreement to date.
            Break::DueOnSigning => clean
                .prop_filter("a code-5 clue with an agreement", |c| c.agreement.is_some())
                .prop_map(move |c| self.apply(c, needs))
                .boxed(),
            _ => clean.prop_map(move |c| self.apply(c, needs)).boxed(),
        }
    }
}

/// The rules [`clue_breaking`] can break alone under `policy`, in catalogue order: every rule
/// [`validate`](crate::validate) checks, except R-CNT-1 when `policy.min_contacts` is below 2 (one contact short
/// would be no contact at all, breaking R-CNT-2 as well) and R-TXT-1 when `policy.min_text_chars` is 0.
///
/// ```
/// use wage_arrears::{Policy, RuleId, strategies};
/// let rules = strategies::breakable_rules(&Policy::default());
/// assert_eq!(rules.len(), 18);
/// assert!(rules.contains(&RuleId::ContactMinimum));
/// let lenient = Policy::builder().min_contacts(1).build()?;
/// assert!(!strategies::breakable_rules(&lenient).contains(&RuleId::ContactMinimum));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
pub fn breakable_rules(policy: &Policy) -> Vec<RuleId> {
    let needs = Needs::of(policy);
    let mut rules: Vec<RuleId> = Break::ALL
        .iter()
        .filter(|b| b.possible(needs))
        .map(|b| b.rule())
        .collect();
    rules.sort();
    rules
}

/// A clue that breaks exactly `rule` under `policy`: [`validate`](crate::validate) lists that rule and no other.
///
/// It is a [`clean_clue`] with one fact changed, for the rules `validate` checks (listed by
/// [`breakable_rules`]):
///
/// | rule | the fact |
/// |---|---|
/// | R-CON-1 … R-CON-7 | the record the conclusion needs is missing (filing, payment, enforcement, police transfer, payment or agreement, informing the reporter, the award) |
/// | R-CON-8 | a code 9 or 10 clue without its investigation |
/// | R-CON-9 | a code 9 or 10 clue whose investigation verified arrears |
/// | R-CNT-1 | one contact fewer than `min_contacts` (possible when it is 2 or more) |
/// | R-CNT-2 | no contact reached the reporter |
/// | R-TXT-1 | the handling text one character short of `min_text_chars` (possible when it is 1 or more) |
/// | R-FIL-1 | a code-5 clue whose investigation verified arrears the employer refuses to pay |
/// | R-SUB-1 | a ministry clue submitted but not closed (the one clue here that is not closed) |
/// | R-SUB-2 | a returned submission resubmitted unrevised |
/// | R-CST-1 | paid (or agreed) one fen more than owed |
/// | R-CST-2 | a repayment agreement due the day it is signed |
/// | R-CST-3 | a contact dated the day before registration |
///
/// `None` for every other rule: the clocks, follow-ups, findings, spot checks, scores and goals are judged with
/// a calendar, over time or over a ledger, not broken by one record alone; and `None` for R-CNT-1 or R-TXT-1
/// when the policy leaves no room to break them alone.
///
/// ```
/// use proptest::test_runner::TestRunner;
/// use wage_arrears::{Policy, RuleId, strategies};
///
/// // A service's property: a clue that lacks its investigation is flagged by the service with the official
/// // citation, whatever else the clue holds.
/// let policy = Policy::default();
/// let Some(no_investigation) = strategies::clue_breaking(RuleId::ConclusionNeedsInvestigation, &policy) else {
///     unreachable!("R-CON-8 can always be broken alone")
/// };
/// TestRunner::default().run(&no_investigation, |clue| {
///     let report = wage_arrears::validate(&clue, &policy);
///     proptest::prop_assert_eq!(report.rules(), vec![RuleId::ConclusionNeedsInvestigation]);
///     let line = report.violations[0].to_string();
///     proptest::prop_assert!(line.contains(&RuleId::ConclusionNeedsInvestigation.citation().to_string()));
///     Ok(())
/// })?;
/// assert!(strategies::clue_breaking(RuleId::ScoreDeduction, &policy).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn clue_breaking(rule: RuleId, policy: &Policy) -> Option<BoxedStrategy<Clue>> {
    let needs = Needs::of(policy);
    Break::ALL
        .iter()
        .find(|b| b.rule() == rule && b.possible(needs))
        .map(|b| b.strategy(needs))
}

/// A clue that breaks exactly one rule under `policy`, with that rule: any of [`breakable_rules`], each equally
/// likely.
///
/// ```
/// use proptest::test_runner::TestRunner;
/// use wage_arrears::{Policy, strategies};
///
/// let policy = Policy::default();
/// TestRunner::default().run(&strategies::broken_clue(&policy), |(rule, clue)| {
///     proptest::prop_assert_eq!(wage_arrears::validate(&clue, &policy).rules(), vec![rule]);
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn broken_clue(policy: &Policy) -> impl Strategy<Value = (RuleId, Clue)> + use<> {
    let needs = Needs::of(policy);
    let choices: Vec<BoxedStrategy<(RuleId, Clue)>> = Break::ALL
        .iter()
        .filter(|b| b.possible(needs))
        .map(|&b| {
            let rule = b.rule();
            b.strategy(needs).prop_map(move |c| (rule, c)).boxed()
        })
        .collect();
    proptest::strategy::Union::new(choices)
}

// ── Policies ────────────────────────────────────────────────────────────────────────────────────────────

fn clock() -> impl Strategy<Value = SourceClock> {
    (
        prop::option::of(1u32..=10),
        prop::option::of(7u32..=90),
        any::<bool>(),
    )
        .prop_map(|(accept, respond, closing)| SourceClock {
            accept_working_days: accept,
            respond_natural_days: respond,
            response: if closing {
                Response::ClosingFeedback
            } else {
                Response::ReplyOrProgressFeedback
            },
        })
}

fn rate(lo: u32) -> impl Strategy<Value = Rate> {
    (lo..=10_000u32).prop_map(Rate::from_basis_points)
}

/// A policy [`Policy::validate`] accepts: the default one time in five, otherwise every clock, number and switch
/// varied within what the rules can mean (windows of days to weeks, thresholds from 1, rates up to 100%, a grade
/// scale the right way up). The name and the date it takes effect are the default's; so is the seed of the
/// random return-visit draw.
///
/// ```
/// use proptest::test_runner::TestRunner;
/// use wage_arrears::{Policy, strategies};
///
/// // A service that stores policies as JSON gets each one back as it was, and each is valid.
/// TestRunner::default().run(&strategies::policy(), |policy| {
///     proptest::prop_assert!(policy.validate().is_ok());
///     let json = serde_json::to_string(&policy).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
///     let back: Policy = serde_json::from_str(&json).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
///     proptest::prop_assert_eq!(back, policy);
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn policy() -> impl Strategy<Value = Policy> {
    let varied = (
        (clock(), clock(), clock(), clock(), clock(), clock()),
        (
            any::<bool>(),
            any::<bool>(),
            1u32..=30,
            any::<bool>(),
            1u32..=200,
            1u64..=10_000_000_000,
            any::<bool>(),
            any::<bool>(),
        ),
        (
            1u32..=6,
            0u32..=5,
            0u32..=80,
            0u32..=10,
            0u32..=10,
            0u32..=5,
            1u32..=10,
            1u32..=120,
        ),
        (
            rate(0),
            rate(1),
            any::<bool>(),
            1u32..=28,
            rate(1),
            1u32..=5,
        ),
        (
            0i64..=2_000,
            1u32..=10,
            1u32..=60,
            0i64..=100_000,
            0i64..=100_000,
            any::<bool>(),
        ),
        (rate(0), rate(0), rate(0), rate(0), rate(0), any::<bool>()),
    )
        .prop_map(|(clocks, cards, handling, review, scoring, goals)| {
            let mut p = Policy::default();
            let (mohrss, gov, council, mailbox, henan, other) = clocks;
            p.clocks.mohrss_column = mohrss;
            p.clocks.gov_cn_message = gov;
            p.clocks.state_council_inspection = council;
            p.clocks.ministers_mailbox = mailbox;
            p.clocks.henan_monitoring = henan;
            p.clocks.other_channels = other;
            let (roll, not_answered, red_days, feedback_only, workers, amount, any_fact, same_day) =
                cards;
            p.natural_day_rollover = if roll {
                Rollover::NextWorkingDay
            } else {
                Rollover::None
            };
            p.card_basis = if not_answered {
                CardBasis::NotAnswered
            } else {
                CardBasis::NotClosed
            };
            p.red_card_overdue_days = red_days;
            p.red_card_progress = if feedback_only {
                ProgressEvidence::FeedbackOnly
            } else {
                ProgressEvidence::AnyRecord
            };
            p.escalation_min_workers = workers;
            p.escalation_min_amount = Fen(amount);
            p.escalation_basis = if any_fact {
                EscalationBasis::AnyCriterion
            } else {
                EscalationBasis::CaseAndRecurrence
            };
            p.escalation_same_day_filing = same_day;
            (
                p.min_contacts,
                p.first_contact_working_days,
                p.min_text_chars,
                p.file_within_working_days,
                p.agreement_reminder_working_days,
                p.agreement_overdue_working_days,
                p.resubmit_within_working_days,
                p.return_visit_after_days,
            ) = handling;
            let (visit_rate, spot_rate, round_down, due_day, code5_rate, unrevised) = review;
            p.random_return_visit_rate = visit_rate;
            p.spot_check_rate = spot_rate;
            p.spot_check_rounding = if round_down {
                Rounding::Down
            } else {
                Rounding::Up
            };
            p.spot_check_due_day = due_day;
            p.code5_review_rate = code5_rate;
            p.unrevised_resubmissions_for_finding = unrevised;
            let (deduction, interview, grade_c, a, b, by_closing) = scoring;
            p.deduction_per_finding = Points::from_milli(deduction);
            p.interview_findings_per_month = interview;
            p.grade_c_findings_per_year = grade_c;
            // A grade scale only when the policy has one, always with its source.
            p.grade_scale = (a % 2 == 0).then(|| crate::policy::GradeScale {
                a_min_score: Points::from_milli(a.max(b)),
                b_min_score: Points::from_milli(a.min(b)),
                source: "示例省保障农民工工资支付考核细则（假设）".to_owned(),
            });
            p.finding_month = if by_closing {
                FindingMonth::ClueClosed
            } else {
                FindingMonth::Discovered
            };
            let (acceptance, effective, code5, registration, closure, substantive) = goals;
            p.goal_acceptance = acceptance;
            p.goal_effective_handling = effective;
            p.goal_code5_review = code5;
            p.goal_registration = registration;
            p.goal_closure = closure;
            p.effective_handling = if substantive {
                EffectiveHandling::SubstantiveConclusion
            } else {
                EffectiveHandling::WithoutDefects
            };
            p
        });
    prop_oneof![1 => Just(Policy::default()), 4 => varied]
        // The promise, kept even if `validate` learns a new bound before this generator does.
        .prop_filter("a policy Policy::validate accepts", |p| {
            p.validate().is_ok()
        })
}

/// A policy with some numbers anywhere, including the ones [`Policy::validate`] refuses (0-day windows, a
/// spot-check day of 0, thresholds of 0, rates over 100%): for the properties a service states of policies it
/// reads from a city's file — refused with the field named, never a panic.
///
/// ```
/// use proptest::test_runner::TestRunner;
/// use wage_arrears::{Error, Policy, strategies};
///
/// // A service's property: a policy it refuses is refused with the field named.
/// TestRunner::default().run(&strategies::odd_policy(), |policy| {
///     if let Err(Error::InvalidPolicy { field, .. }) = policy.validate() {
///         proptest::prop_assert!(!field.is_empty());
///     }
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn odd_policy() -> impl Strategy<Value = Policy> {
    (
        policy(),
        (any::<u32>(), 0u32..10, any::<u32>(), 0u32..400),
        (any::<u32>(), 0u32..20, any::<u32>(), 0u32..40),
        (0u32..20_000, 0u32..3, 0u32..3, prop::option::of(0u32..3)),
    )
        .prop_map(|(mut p, a, b, c)| {
            (
                p.min_contacts,
                p.first_contact_working_days,
                p.min_text_chars,
                p.file_within_working_days,
            ) = a;
            (
                p.agreement_reminder_working_days,
                p.resubmit_within_working_days,
                p.return_visit_after_days,
                p.spot_check_due_day,
            ) = b;
            let (visit_rate, red_days, unrevised, accept) = c;
            p.random_return_visit_rate = Rate::from_basis_points(visit_rate);
            p.red_card_overdue_days = red_days;
            p.unrevised_resubmissions_for_finding = unrevised;
            p.clocks.gov_cn_message.accept_working_days = accept;
            p
        })
}

// ── Findings and ledgers ────────────────────────────────────────────────────────────────────────────────

/// A finding of any kind (1–8) against a Pingdingshan county, found in 2024–2026, its rule the kind's, with or
/// without a responsible person, the clue's closing day and a note.
///
/// ```
/// use proptest::test_runner::TestRunner;
/// use wage_arrears::{Finding, Policy, strategies};
///
/// // A service's property: one finding alone deducts the policy's points and never brings an interview.
/// let policy = Policy::default();
/// TestRunner::default().run(&strategies::finding(), |f| {
///     proptest::prop_assert_eq!(f.rule, f.kind.rule());
///     let year = chrono::Datelike::year(&wage_arrears::counting_date(&f, &policy));
///     let score = wage_arrears::assess_year(&f.county, year, None, &[f.clone()], &policy)
///         .map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
///     proptest::prop_assert_eq!(score.deduction, policy.deduction_per_finding);
///     proptest::prop_assert!(score.interviews.is_empty());
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn finding() -> impl Strategy<Value = Finding> {
    let start = crate::calendar::const_date(2024, 1, 1);
    (
        county(),
        "PDS-202[4-6]-[0-9]{5}",
        finding_kind(),
        0u64..1_096,
        prop_oneof![Just(""), Just("张三"), Just("李明")],
        prop::option::of(0u64..60),
        prop_oneof![Just(""), Just("抽查发现")],
    )
        .prop_map(
            move |(county, clue_id, kind, day, responsible, closed_before, note)| {
                let found_on = plus(start, day);
                let mut f = Finding::new(county, clue_id, kind, found_on)
                    .with_responsible(responsible)
                    .with_note(note);
                f.clue_closed_on =
                    closed_before.and_then(|d| found_on.checked_sub_days(Days::new(d)));
                f
            },
        )
}

/// One clue of a ledger: mostly clean, some still open (the clean record cut at a day before its closing),
/// some with one defect.
fn ledger_clue() -> impl Strategy<Value = Clue> {
    let needs = Needs::of(&Policy::default());
    let clean = clean_clue_of(Conclusion::ALL.to_vec(), needs);
    let open = (clean_clue_of(Conclusion::ALL.to_vec(), needs), 0u64..60).prop_map(|(c, back)| {
        let closed = c.closed_on.unwrap_or(c.registered_on);
        let day = closed
            .checked_sub_days(Days::new(back + 1))
            .unwrap_or(c.registered_on)
            .max(c.registered_on);
        c.to_record_on(day)
    });
    let broken = broken_clue(&Policy::default()).prop_map(|(_, c)| c);
    prop_oneof![6 => clean, 3 => open, 2 => broken]
}

/// A ledger: up to 60 clues with **distinct ids**, spread over Pingdingshan's counties and 2025–2026 (most
/// closed and clean under the default policy, some still open, some with one defect), and up to 30 findings
/// naming them (each against its clue's county, found on or after registration, with the clue's responsible
/// person and closing day).
///
/// Distinct ids matter: the functions that read a slice of clues refuse two different records under one id, so a
/// generator that let two clues share an id would fail at random.
///
/// ```
/// use std::collections::BTreeSet;
/// use proptest::test_runner::{Config, TestRunner};
/// use wage_arrears::{Policy, WorkCalendar, strategies};
///
/// // A service's property: its yearly table lists each county once and counts every finding once.
/// let (policy, cal) = (Policy::default(), WorkCalendar::china());
/// TestRunner::new(Config::with_cases(32)).run(&strategies::ledger(), |(clues, findings)| {
///     let ids: BTreeSet<&str> = clues.iter().map(|c| c.id.as_str()).collect();
///     proptest::prop_assert_eq!(ids.len(), clues.len());
///     proptest::prop_assert!(findings.iter().all(|f| ids.contains(f.clue_id.as_str())));
///     let from = wage_arrears::date(2025, 1, 1).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
///     let to = wage_arrears::date(2026, 12, 31).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
///     let kpis = wage_arrears::kpis("叶县", from, to, &clues, &findings, &policy, &cal)
///         .map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
///     proptest::prop_assert!(kpis.iter().all(|k| k.ratio.numerator <= k.ratio.denominator));
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn ledger() -> impl Strategy<Value = (Vec<Clue>, Vec<Finding>)> {
    (
        prop::collection::vec(ledger_clue(), 0..60),
        prop::collection::vec(
            (any::<prop::sample::Index>(), finding_kind(), 0u64..120),
            0..30,
        ),
    )
        .prop_map(|(clues, picks)| {
            let clues: Vec<Clue> = clues
                .into_iter()
                .enumerate()
                .map(|(i, mut c)| {
                    // The position makes the id unique; the year keeps it looking like the platform's.
                    c.id = format!("PDS-{}-{:05}", c.registered_on.year(), i);
                    c
                })
                .collect();
            let findings = if clues.is_empty() {
                Vec::new()
            } else {
                picks
                    .into_iter()
                    .map(|(pick, kind, after)| {
                        let c = pick.get(&clues);
                        let mut f =
                            Finding::new(&c.county, &c.id, kind, plus(c.registered_on, after))
                                .with_responsible(&c.responsible);
                        f.clue_closed_on = c.closed_on;
                        f
                    })
                    .collect()
            };
            (clues, findings)
        })
}
