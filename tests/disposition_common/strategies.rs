//! proptest strategies: clues built to meet their conclusion's rules, and arbitrary clues.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use wage_arrears::Fen;
use wage_arrears::model::{
    Agreement, Clue, Conclusion, Contact, ContactChannel, EscalationFacts, HandlingLevel,
    Investigation, Payment, Progress, ProgressKind, Source, Submission,
};
use wage_arrears::policy::Policy;

use super::{FACTS, HANDLING, d};

fn plus(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days))
        .expect("inside the test range")
}

fn conclusion() -> impl Strategy<Value = Conclusion> {
    (1u8..=10).prop_map(|c| Conclusion::try_from(c).expect("1..=10"))
}

fn source() -> impl Strategy<Value = Source> {
    (0usize..Source::ALL.len()).prop_map(|i| Source::ALL[i])
}

/// The raw numbers a clean clue is built from.
#[derive(Debug, Clone)]
pub struct Plan {
    conclusion: Conclusion,
    source: Source,
    registered: u64,
    accept_gap: u64,
    contact_gaps: Vec<(u64, bool)>,
    investigation_gap: u64,
    filing_gap: u64,
    step_gap: u64,
    close_gap: u64,
    owed: u64,
    paid_share: u64,
    verified: bool,
    refuses: bool,
    ministry: bool,
    agreement: Option<(u64, u64, Option<u64>, Vec<u64>)>,
    submissions: Vec<(u64, bool)>,
    visits: Vec<u64>,
    reviewed: Option<u64>,
    city: bool,
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        (conclusion(), source(), 0u64..540, 0u64..4),
        prop::collection::vec((0u64..5, any::<bool>()), 3..7),
        (0u64..10, 0u64..8, 0u64..10, 0u64..25),
        (
            1u64..1_000_000_000,
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
        ),
    )
        .prop_map(
            |(
                (conclusion, source, registered, accept_gap),
                contact_gaps,
                (investigation_gap, filing_gap, step_gap, close_gap),
                (owed, paid_share, verified, refuses, ministry),
                agreement,
                (submissions, visits, reviewed, city),
            )| Plan {
                conclusion,
                source,
                registered,
                accept_gap,
                contact_gaps,
                investigation_gap,
                filing_gap,
                step_gap,
                close_gap,
                owed,
                paid_share,
                verified,
                refuses,
                ministry,
                agreement,
                submissions,
                visits,
                reviewed,
                city,
            },
        )
}

/// A clue built from a plan to meet every validation rule of its conclusion.
pub fn build(p: &Plan) -> Clue {
    use Conclusion as C;
    let registered = plus(d(2025, 1, 1), p.registered);
    let mut c = Clue::new(
        format!("PDS-P-{:04}", p.registered),
        p.source,
        "宝丰县",
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
    c.workers = 3;
    c.responsible = "赵强".into();
    c.facts = FACTS.into();
    c.handling = HANDLING.into();
    let mut day = accepted;
    c.contacts = p
        .contact_gaps
        .iter()
        .enumerate()
        .map(|(i, &(gap, reached))| {
            day = plus(day, gap);
            Contact {
                on: day,
                channel: ContactChannel::Phone,
                reached: reached || i == 0,
                note: "联系反映人".into(),
            }
        })
        .collect();
    let investigated = plus(accepted, p.investigation_gap);
    // 9 and 10 find no arrears; refusal only where the conclusion files (1–4) or no arrears were verified.
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
        record: "调查询问笔录".into(),
    });
    let filed = plus(investigated, p.filing_gap);
    if p.conclusion.is_filed() {
        c.case_filed_on = Some(filed);
    }
    let step = plus(filed, p.step_gap);
    let paid = Fen(p.owed / 100 * p.paid_share);
    match p.conclusion {
        // Code 1 is “已支付完毕”: paid in full.
        C::FiledPaid => {
            c.payment = Some(Payment {
                on: step,
                amount: Fen(p.owed),
            })
        }
        C::FiledEnforcement => c.enforcement_applied_on = Some(step),
        C::FiledPolice => c.police_transfer_on = Some(step),
        C::FiledEnforcementAndPolice => {
            c.enforcement_applied_on = Some(step);
            c.police_transfer_on = Some(step);
        }
        C::Coordinated => {
            let (signed_gap, term, paid_gap, follow_ups) =
                p.agreement.clone().unwrap_or((0, 30, None, vec![]));
            let signed = plus(investigated, signed_gap);
            c.agreement = Some(Agreement {
                signed_on: signed,
                pay_by: plus(signed, term),
                amount: paid,
                paid_on: paid_gap.map(|g| plus(signed, g)),
                refused_to_perform: false,
                refused_on: None,
                follow_ups: follow_ups.iter().map(|&g| plus(signed, g)).collect(),
            });
            if p.agreement.is_none() {
                c.agreement = None;
                c.payment = Some(Payment {
                    on: step,
                    amount: paid,
                });
            }
        }
        C::Arbitration | C::Litigation => c.reporter_informed_on = Some(step),
        C::EnforcementDifficulty => c.award_or_judgment = Some("（2025）豫0421民初882号".into()),
        C::NoArrears | C::InvalidClue => {}
    }
    c.conclusion = Some(p.conclusion);
    let closed = plus(filed.max(investigated), p.close_gap);
    c.closed_on = Some(closed);
    c.transferred_by_ministry = p.ministry;
    let mut day = closed;
    let n = p.submissions.len();
    c.submissions = p
        .submissions
        .iter()
        .enumerate()
        .map(|(i, &(gap, revised))| {
            let submitted_on = plus(day, gap);
            let returned = (i + 1 < n).then(|| plus(submitted_on, 1));
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

/// A clue meeting every rule of its conclusion.
pub fn clean_clue() -> impl Strategy<Value = Clue> {
    plan().prop_map(|p| build(&p))
}

/// A date anywhere: mostly around the calendar's years, sometimes far outside, sometimes the extremes.
pub fn any_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        8 => (0u64..1_100).prop_map(|n| plus(d(2024, 1, 1), n)),
        3 => (0u64..80_000).prop_map(|n| plus(d(1900, 1, 1), n)),
        1 => Just(NaiveDate::MIN),
        1 => Just(NaiveDate::MAX),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(FACTS.to_owned()),
        "[a-z 欠薪]{0,40}"
    ]
}

/// A clue with every field random (dates anywhere, inside and outside the calendar).
pub fn any_clue() -> impl Strategy<Value = Clue> {
    (
        (
            source(),
            any_date(),
            prop::option::of(any_date()),
            prop::option::of(conclusion()),
            any::<u64>(),
        ),
        prop::collection::vec((any_date(), any::<bool>()), 0..5),
        (text(), text()),
        prop::option::of((
            any_date(),
            any::<bool>(),
            any::<bool>(),
            prop_oneof![Just(String::new()), Just("笔录".to_owned())],
        )),
        (
            prop::option::of(any_date()),
            prop::option::of((any_date(), any::<u64>())),
            prop::option::of(any_date()),
            prop::option::of(any_date()),
            prop::option::of(any_date()),
        ),
        prop::option::of((
            any_date(),
            any_date(),
            any::<u64>(),
            prop::option::of(any_date()),
            any::<bool>(),
            prop::collection::vec(any_date(), 0..3),
        )),
        prop::collection::vec(
            (any_date(), any::<bool>(), prop::option::of(any_date())),
            0..5,
        ),
        (
            prop::option::of(any_date()),
            any::<bool>(),
            any::<[bool; 5]>(),
            prop::option::of(any_date()),
            prop::collection::vec(any_date(), 0..3),
        ),
        (
            prop::collection::vec((any_date(), any::<bool>()), 0..3),
            prop::option::of(Just("（2025）豫04执12号".to_owned())),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(head, contacts, texts, inv, steps, agreement, subs, tail, extra)| {
                let (source, registered, accepted, conclusion, owed) = head;
                let mut c = Clue::new("PDS-ANY", source, "石龙区", registered);
                // Keep accepted/closed on or after registration half the time, so that more than `check` is reached.
                c.accepted_on = accepted.map(|a| if owed % 2 == 0 { a.max(registered) } else { a });
                c.conclusion = conclusion;
                c.amount_owed = Fen(owed);
                c.contacts = contacts
                    .into_iter()
                    .map(|(on, reached)| Contact {
                        on,
                        channel: ContactChannel::InPerson,
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
                    |(signed_on, pay_by, amount, paid_on, refused_to_perform, follow_ups)| {
                        Agreement {
                            signed_on,
                            pay_by,
                            amount: Fen(amount),
                            paid_on,
                            refused_to_perform,
                            refused_on: None,
                            follow_ups,
                        }
                    },
                );
                c.submissions = subs
                    .into_iter()
                    .map(|(submitted_on, revised, returned_on)| Submission {
                        submitted_on,
                        revised,
                        returned_on,
                        return_reason: None,
                        irregular_format: false,
                        format_reminder_on: None,
                    })
                    .collect();
                let (closed, ministry, esc, reviewed, visits) = tail;
                c.closed_on = closed.map(|x| if owed % 3 == 0 { x.max(registered) } else { x });
                c.transferred_by_ministry = ministry;
                c.escalation = EscalationFacts {
                    cross_region: esc[0],
                    settlement_dispute: esc[1],
                    repeated_complaint: esc[2],
                    public_opinion_incident: esc[3],
                    transferred_by_superior: esc[4],
                };
                c.handling_level = if esc[0] && esc[1] {
                    HandlingLevel::City
                } else {
                    HandlingLevel::County
                };
                c.reviewed_on = reviewed;
                c.return_visits = visits;
                let (progress, award, _) = extra;
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
                c
            },
        )
}

/// A policy with its numbers anywhere, including the ones `Policy::validate` would reject.
pub fn any_policy() -> impl Strategy<Value = Policy> {
    (
        (any::<u32>(), 0u32..10, any::<u32>(), 0u32..400),
        (any::<u32>(), 0u32..20, any::<u32>(), 0u32..40),
        (0u32..20_000, any::<bool>(), any::<bool>(), 0u32..5),
    )
        .prop_map(|(a, b, c)| {
            let mut p = Policy::default();
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
            let (rate, roll, same_day, unrevised) = c;
            p.random_return_visit_rate = wage_arrears::Rate(rate);
            p.natural_day_rollover = if roll {
                wage_arrears::calendar::Rollover::NextWorkingDay
            } else {
                wage_arrears::calendar::Rollover::None
            };
            p.escalation_same_day_filing = same_day;
            p.unrevised_resubmissions_for_finding = unrevised;
            p
        })
}

/// One violating fact and the one rule it breaks.
#[derive(Debug, Clone, Copy)]
pub enum Break {
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
    OneLineText,
    RefusedButCoordinated,
    MinistryClueOpen,
    ResubmittedUnrevised,
    PaidTooMuch,
    DueOnSigning,
    ContactBeforeRegistration,
}

/// The breaks that apply to a clue of `conclusion`.
pub fn breaks_for(c: &Clue) -> Vec<Break> {
    use Break as B;
    use Conclusion as C;
    let mut out = vec![
        B::TooFewContacts,
        B::NeverReached,
        B::OneLineText,
        B::MinistryClueOpen,
        B::ResubmittedUnrevised,
        B::ContactBeforeRegistration,
    ];
    match c.conclusion {
        Some(C::FiledPaid) => out.extend([B::NoCaseFiled, B::NoPayment, B::PaidTooMuch]),
        Some(C::FiledEnforcement) => out.extend([B::NoCaseFiled, B::NoEnforcement]),
        Some(C::FiledPolice) => out.extend([B::NoCaseFiled, B::NoPoliceTransfer]),
        Some(C::FiledEnforcementAndPolice) => {
            out.extend([B::NoCaseFiled, B::NoEnforcement, B::NoPoliceTransfer])
        }
        Some(C::Coordinated) => {
            out.extend([
                B::NoPaymentNorAgreement,
                B::RefusedButCoordinated,
                B::PaidTooMuch,
            ]);
            if c.agreement.is_some() {
                out.push(B::DueOnSigning);
            }
        }
        Some(C::Arbitration | C::Litigation) => out.push(B::ReporterNotInformed),
        Some(C::EnforcementDifficulty) => out.push(B::NoAward),
        Some(C::NoArrears | C::InvalidClue) => out.extend([B::NoInvestigation, B::ArrearsVerified]),
        None => {}
    }
    out
}

/// Applies a break to a clean clue; returns the rule it breaks.
pub fn apply(b: Break, c: &mut Clue, policy: &Policy) -> wage_arrears::rule::RuleId {
    use wage_arrears::rule::RuleId as R;
    match b {
        Break::NoCaseFiled => {
            c.case_filed_on = None;
            R::ConclusionNeedsCaseFiled
        }
        Break::NoPayment => {
            c.payment = None;
            R::ConclusionNeedsPayment
        }
        Break::NoEnforcement => {
            c.enforcement_applied_on = None;
            R::ConclusionNeedsEnforcement
        }
        Break::NoPoliceTransfer => {
            c.police_transfer_on = None;
            R::ConclusionNeedsPoliceTransfer
        }
        Break::NoPaymentNorAgreement => {
            c.payment = None;
            c.agreement = None;
            R::ConclusionNeedsPaymentOrAgreement
        }
        Break::ReporterNotInformed => {
            c.reporter_informed_on = None;
            R::ConclusionNeedsReporterInformed
        }
        Break::NoAward => {
            c.award_or_judgment = None;
            R::ConclusionNeedsAward
        }
        Break::NoInvestigation => {
            c.investigation = None;
            R::ConclusionNeedsInvestigation
        }
        Break::ArrearsVerified => {
            if let Some(i) = c.investigation.as_mut() {
                i.arrears_verified = true;
                i.employer_refuses = false;
            }
            R::InvalidClueNotWhereArrears
        }
        Break::TooFewContacts => {
            let keep = usize::try_from(policy.min_contacts)
                .unwrap_or(usize::MAX)
                .saturating_sub(1)
                .max(1);
            c.contacts.truncate(keep);
            R::ContactMinimum
        }
        Break::NeverReached => {
            c.contacts.iter_mut().for_each(|k| k.reached = false);
            R::FirstContact
        }
        Break::OneLineText => {
            c.handling = "已协调处理完毕。".into();
            R::DetailedText
        }
        Break::RefusedButCoordinated => {
            if let Some(i) = c.investigation.as_mut() {
                i.arrears_verified = true;
                i.employer_refuses = true;
            }
            R::MustFileWhenRefused
        }
        Break::MinistryClueOpen => {
            c.transferred_by_ministry = true;
            c.closed_on = None;
            R::MinistryClueClosedBeforeSubmission
        }
        Break::ResubmittedUnrevised => {
            if let Some(last) = c.submissions.last_mut() {
                last.returned_on = Some(last.submitted_on);
                let again = Submission {
                    submitted_on: last.submitted_on,
                    revised: false,
                    returned_on: None,
                    return_reason: None,
                    irregular_format: false,
                    format_reminder_on: None,
                };
                c.submissions.push(again);
            }
            R::ReturnedClueRevised
        }
        Break::PaidTooMuch => {
            let over = Fen(c.amount_owed.fen().saturating_add(1));
            if let Some(p) = c.payment.as_mut() {
                p.amount = over;
            }
            if let Some(a) = c.agreement.as_mut() {
                a.amount = over;
            }
            R::PaidWithinOwed
        }
        Break::DueOnSigning => {
            if let Some(a) = c.agreement.as_mut() {
                a.pay_by = a.signed_on;
            }
            R::AgreementDueAfterSigning
        }
        Break::ContactBeforeRegistration => {
            let before = c.registered_on.pred_opt().expect("inside the test range");
            c.contacts.push(super::reached(before));
            R::DatesInOrder
        }
    }
}
