//! # Interpretations: where the texts are silent
//!
//! The policy texts leave some questions open. For each, the crate picks a default, documents it here, and lets a
//! [`Policy`](crate::Policy) field switch it. Nothing else in the crate decides an open question.
//!
//! | question | default | alternative | `Policy` field | clause |
//! |---|---|---|---|---|
//! | Does a natural-day deadline on a rest day move to the next working day? | No: the platform's internal deadlines end on start + N | [`Rollover::NextWorkingDay`](crate::Rollover) (民法典 第203条) | `natural_day_rollover` | 000 §二(二); 民法典 第203条 |
//! | Does the start day count? | Never, whatever kind of day it is | none (民法典 第201条 is law) | — | 民法典 第201条; 民事诉讼法 第85条 |
//! | What does "within N days" include? | The N-th day itself: acting on the deadline day is on time | none | — | 000 §二(一)(二) |
//! | Which month does a finding count in? | The month it was discovered | the month the clue was closed | `finding_month` | 000 §四(一) "当月累计" |
//! | How does 5% round? | Up: 1–20 closed clues give one check | down | `spot_check_rounding` | 000 §三(四) |
//! | "每月10日前": before or on the 10th? | On or before the 10th | a different day | `spot_check_due_day` | 000 §四(一) |
//! | What is "no progress" for a red card? | No progress record, contact, filing, payment or submission dated after the deadline | only a platform progress feedback counts | `red_card_progress` | 002 §(十二) |
//! | What does a yellow card count against? | Not closed by the respond-by date ("未按期办结") | not answered (a timely progress feedback keeps it away) | `card_basis` | 002 §(十二) |
//! | What does the effective-handling rate divide? | Closed clues without a violation or finding / closed clues | closed clues with a substantive conclusion (1–5, 8, 9) / closed clues | `effective_handling` | 000 §一 |
//! | What grade does a score give (when fewer than 30 findings)? | ≥ 90 A, ≥ 70 B, else C | any scale | `grade_a_min_score`, `grade_b_min_score` | 004 (grades A/B/C named, no scale) |
//! | What grade does a county get when no base score is given (and fewer than 30 findings)? | None: no score, so no grade from the scale; grade C is still forced at 30 findings | pass a base score (the report uses 100) | — (`base_score: None`) | 000 §四(一); 004 |
//! | Is the monthly 5% drawn per county or over the whole city? | Per county ("对各地线索按5%比例"): [`review::spot_checks_by_county`](crate::review::spot_checks_by_county), so every county with a closed clue gets a check | over the city: [`review::spot_check`](crate::review::spot_check) on all clues | — (choice of function) | 000 §四(一) |
//! | Which clues are in a month's review? | Those closed (`closed_on`) in that month, whenever registered | — | — | 000 §三(四) "对办结线索" |
//! | A clue id listed twice in a month's review; the same finding listed twice | Counts once; copies that disagree make the clue code 5 if any copy is (review more, never less) | — | — | — |
//! | Can a score fall below 0? | Yes: `base − 0.2 × n`, not clamped | — | — | 000 §四(一) |
//! | What is "第一时间" for the first contact? | Within 1 working day of acceptance | any number of working days | `first_contact_working_days` | 000 §二(二), §四(一)1 |
//! | What is a "极简的概括性语言" text? | Facts or handling under 30 characters | any minimum | `min_text_chars` | 000 §三(一) |
//! | What is "及时立案"? | Filed within 5 working days of the verification that met the filing conditions (0 for escalated cases) | any number | `file_within_working_days`, `escalation_same_day_filing` | 000 §三(二), §四(一)8; 003 |
//! | When is an agreement "临期"? | 3 working days before its payment date | any number | `agreement_reminder_working_days` | 000 §三(一) |
//! | When must a returned clue be resubmitted ("按期报送")? | Within 5 working days of its return | any number | `resubmit_within_working_days` | 000 §二(三) |
//! | When are return visits due (003 "定期检查+随机抽查")? | 30 natural days after closing; 10% drawn at random | any | `return_visit_after_days`, `random_return_visit_rate` | 003 |
//! | When is a case "涉及人数多、金额大"? | 30 workers or ¥500,000 | any | `escalation_min_workers`, `escalation_min_amount` | 003 |
//! | Clocks of 12345, 12333, 信访, on-site and QR-code clues | None: the seeds set none | any clock | `clocks.other_channels` | 002 §二(二) |
//! | "反复提交2次以上": does 2 count? | Yes (以上 includes the number, as 含本数 does elsewhere in 000) | 3 | `unrevised_resubmissions_for_finding` | 000 §四(一)7 |
//! | Which facts raise a case to the city (提级办案)? | 003 as written: a complex case (cross-region, settlement dispute, many workers, large sum) or a clue transferred from above, **and** repeated complaints or a public-opinion incident | any one of the seven facts alone | `escalation_basis` | 003 重大案件提级督办机制 |
//! | On which day must an escalated case be filed ("当日立案")? | The day the clue was received: its registration day | — (the record has no separate escalation date) | `escalation_same_day_filing` | 003 |
//! | What deadline does a card count against, and when is it lifted? | The response (respond-by) deadline; closing the case lifts the card; a clue not yet accepted has no response clock and no card (its acceptance clock shows it overdue) | — | — | 002 §(十二) |
//! | "超期10日": from which day is a card red? | From the 10th natural day past the due day (含本数), if nothing counted as progress is dated after the due day; progress after the due day keeps it yellow while open | any number of days | `red_card_overdue_days`, `red_card_progress` | 002 §(十二) |
//! | What does a status "as of" a date see? | The record as it stood that day: an acceptance, closing or feedback dated later has not happened yet | — | — | SPEC §2 |
//! | Campaign "……前" (春节前办结, 1月1日前报告): before or on the day? | On or before, as "每月10日前": close all by 2024-02-10, report by 2024-01-01 | strictly before: set the day before as the date | `Campaign::close_all_by`, `ReportDue::Fixed::due` | 001 §一, §四 |
//! | Which clues must a campaign close ("所有查实的欠薪案件")? | Clues verified (arrears found) by the date asked about and registered on or before the close-all date, also those registered before the window | only clues registered inside the window | — | 001 §一 |
//! | When do the disposition rules apply to a clue? | Once a conclusion is chosen (R-CON, R-CNT, R-TXT, R-FIL); the submission rules once it is submitted (R-SUB); consistency always (R-CST) | validate every rule on every clue | — | 000 §二(二)(三), §三 |
//! | Which contacts count? | All recorded contacts count towards the 3 (R-CNT-1); the first contact (首问负责制, R-CNT-2, finding 1) needs one that reached the reporter | only reached contacts count towards the 3 | — | 000 §三(二), §四(一)1 |
//! | Does `validate` check that the first contact was in time? | No: it takes no calendar; `detect_findings` checks the clock (finding 1), from acceptance, or from registration for a clue closed without an acceptance on record | a calendar argument to `validate` | `first_contact_working_days` | 000 §二(二), §四(一)1 |
//! | What is a "detailed" text? | Facts and handling each count at least `min_text_chars` characters, whitespace not counted | count bytes or words | `min_text_chars` | 000 §三(一) |
//! | Which violations become which finding kinds? | R-CNT-1/2 → 1; R-CON-8 on code 10 → 4; R-SUB-1 → 5; R-SUB-2 → 7 only when repeated `unrevised_resubmissions_for_finding` times; R-FIL-1 → 8; the rest none (a reviewer may still record kind 2 or 6) | — | `unrevised_resubmissions_for_finding` | 000 §四(一) |
//! | When is an agreement "临期"? (the day) | From the N-th working day before `pay_by` (the earliest day with at most N working days left), never before signing | — | `agreement_reminder_working_days` | 000 §三(一) |
//! | When is a passed, unpaid agreement followed up, and what pays it? | On the first working day after `pay_by`; a follow-up dated after `pay_by` discharges it; paid means `agreement.paid_on` (a separate `payment` record does not) | a natural-day grace period | — | 000 §三(一) |
//! | When is "协议到期未履行，没有跟踪督促" a finding (kind 3)? | Not paid and no follow-up from the reminder day to the first working day after `pay_by`; found the day after | any follow-up up to the review | `agreement_reminder_working_days` | 000 §三(一), §四(一)3 |
//! | Which agreements are followed up? | Those of a clue with no conclusion yet or conclusion 5; an agreement under a later filed conclusion (1–4) is moot | every agreement | — | 000 §三(一) |
//! | From which day is an agreement refusal filed? | The record has no refusal date: the latest follow-up on record (where a refusal is learnt), else the signing; then `file_within_working_days` | a refusal date field | `file_within_working_days` | 000 §三(一) |
//! | "及时立案" for an escalated case (finding 8)? | The same day as the verification that met the filing conditions (verified, employer refuses); escalated = handled by the city, or (003 as written) a complex case (cross-region, settlement dispute, transfer from above, `escalation_min_workers`, `escalation_min_amount`) with a repeated complaint or public-opinion incident | registration day (as `deadline::escalation`'s duty) | `escalation_same_day_filing` | 003; 000 §四(一)8 |
//! | On which day is a finding found (`found_on`)? | The day the record first shows it: the day after a missed deadline (kinds 1, 3, 8); the submission (kinds 5, 7); the conclusion's first submission or closing (kind 4). Listed only when on or before `as_of` | the review day | `finding_month` counts it | 000 §四(一) |
//! | When is a code-5 review due? | By day `spot_check_due_day` of the month after closing, unless `reviewed_on` | the end of that month | `spot_check_due_day` | 000 §三(四), §四(一) |
//! | What do the periodic and random return visits ask? | Periodic: one visit `return_visit_after_days` after closing; random: the drawn clues ([`review::draw_key`](crate::review::draw_key) of the id under a fixed seed, scaled to basis points, below the rate: the spot check's hash) get a second visit another `return_visit_after_days` later; visits on or after closing count; without roll-over these natural-day dates need no calendar, so a visit due in 2027 is a date, not an error | random visits instead of periodic ones | `return_visit_after_days`, `random_return_visit_rate` | 003 平台投诉受理回访机制 |
//! | What does a follow-up list "as of" a day see? | The record as it stood that day; open obligations whether due before or after it; done ones dropped | only overdue ones | — | 000 §三(一) |
//! | Outside the calendar's years | An error, never a weekday guess | add the year's notice with `WorkCalendar::add_year` | — | SPEC §1 |
