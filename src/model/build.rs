//! Constructors that read as the record reads: `Contact::phone(day)`, `Investigation::new(day, record).verified()`,
//! `Clue::new(…).accepted(day).contacted(…).closed(day, conclusion)`.
//!
//! Every field stays public; these only save spelling out the defaults, so a service builds a clue the way a clerk
//! fills in the form, in the order things happened.

use chrono::NaiveDate;

use super::{
    Agreement, Clue, Conclusion, Contact, ContactChannel, HandlingLevel, Investigation, Payment,
    Progress, ProgressKind, Submission,
};
use crate::Fen;

impl Contact {
    /// A contact on `on` by `channel` that reached the reporter, with no note yet.
    pub fn new(on: NaiveDate, channel: ContactChannel) -> Contact {
        Contact {
            on,
            channel,
            reached: true,
            note: String::new(),
        }
    }

    /// A phone call on `on` that reached the reporter.
    ///
    /// ```
    /// use wage_arrears::{Contact, ContactChannel};
    /// let call = Contact::phone(wage_arrears::date(2025, 3, 4)?).with_note("电话联系反映人，告知办理进度");
    /// assert_eq!((call.channel, call.reached), (ContactChannel::Phone, true));
    /// let missed = Contact::phone(wage_arrears::date(2025, 3, 5)?).not_reached();
    /// assert!(!missed.reached);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn phone(on: NaiveDate) -> Contact {
        Contact::new(on, ContactChannel::Phone)
    }

    /// A text message (短信、微信) on `on` that reached the reporter.
    pub fn message(on: NaiveDate) -> Contact {
        Contact::new(on, ContactChannel::Message)
    }

    /// A meeting or a visit (面谈、上门) on `on`.
    pub fn in_person(on: NaiveDate) -> Contact {
        Contact::new(on, ContactChannel::InPerson)
    }

    /// The attempt did not reach the reporter (it still counts as a recorded contact, 平人社监察〔2024〕15号 三(二)).
    #[must_use]
    pub fn not_reached(mut self) -> Contact {
        self.reached = false;
        self
    }

    /// What was said, as recorded.
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Contact {
        self.note = note.into();
        self
    }
}

impl Investigation {
    /// An investigation recorded on `on` with its record (调查笔录, 核查记录), which found no arrears yet: add
    /// [`verified`](Investigation::verified) when it did.
    ///
    /// ```
    /// use wage_arrears::Investigation;
    /// let i = Investigation::new(wage_arrears::date(2025, 3, 7)?, "调查询问笔录").verified().refused_by_employer();
    /// assert!(i.arrears_verified && i.employer_refuses);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn new(on: NaiveDate, record: impl Into<String>) -> Investigation {
        Investigation {
            on,
            arrears_verified: false,
            employer_refuses: false,
            record: record.into(),
        }
    }

    /// Arrears were verified (经核实存在欠薪).
    #[must_use]
    pub fn verified(mut self) -> Investigation {
        self.arrears_verified = true;
        self
    }

    /// The employer refuses to pay (拒不支付).
    #[must_use]
    pub fn refused_by_employer(mut self) -> Investigation {
        self.employer_refuses = true;
        self
    }
}

impl Payment {
    /// `amount` paid, completed on `on`.
    ///
    /// ```
    /// use wage_arrears::{Fen, Payment};
    /// let p = Payment::new(wage_arrears::date(2025, 3, 12)?, Fen::from_yuan(36_000));
    /// assert_eq!(p.amount.to_string(), "¥36000.00");
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn new(on: NaiveDate, amount: Fen) -> Payment {
        Payment { on, amount }
    }
}

impl Agreement {
    /// A repayment agreement signed on `signed_on` to pay `amount` by `pay_by`, not yet paid, followed up or
    /// refused.
    ///
    /// ```
    /// use wage_arrears::{Agreement, Fen};
    /// let d = wage_arrears::date;
    /// let a = Agreement::new(d(2025, 3, 12)?, d(2025, 4, 10)?, Fen::from_yuan(36_000))
    ///     .followed_up(d(2025, 4, 7)?)
    ///     .paid(d(2025, 4, 8)?);
    /// assert_eq!((a.follow_ups.len(), a.paid_on), (1, Some(d(2025, 4, 8)?)));
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn new(signed_on: NaiveDate, pay_by: NaiveDate, amount: Fen) -> Agreement {
        Agreement {
            signed_on,
            pay_by,
            amount,
            paid_on: None,
            refused_to_perform: false,
            refused_on: None,
            follow_ups: Vec::new(),
        }
    }

    /// The office followed the agreement up on `on` (跟踪督促, 平人社监察〔2024〕15号 三(一)).
    #[must_use]
    pub fn followed_up(mut self, on: NaiveDate) -> Agreement {
        self.follow_ups.push(on);
        self
    }

    /// The employer paid on `on`.
    #[must_use]
    pub fn paid(mut self, on: NaiveDate) -> Agreement {
        self.paid_on = Some(on);
        self
    }

    /// The employer refuses to perform (拒不履行), recorded on `on`.
    #[must_use]
    pub fn refused(mut self, on: NaiveDate) -> Agreement {
        self.refused_to_perform = true;
        self.refused_on = Some(on);
        self
    }
}

impl Submission {
    /// The conclusion submitted to the city on `submitted_on`, not returned.
    ///
    /// ```
    /// use wage_arrears::Submission;
    /// let d = wage_arrears::date;
    /// let first = Submission::new(d(2025, 3, 14)?).returned(d(2025, 3, 17)?, "请补充调查笔录");
    /// let again = Submission::new(d(2025, 3, 19)?).revised();
    /// assert_eq!(first.return_reason.as_deref(), Some("请补充调查笔录"));
    /// assert!(again.revised);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn new(submitted_on: NaiveDate) -> Submission {
        Submission {
            submitted_on,
            revised: false,
            returned_on: None,
            return_reason: None,
            irregular_format: false,
            format_reminder_on: None,
        }
    }

    /// A reviewer marked its format irregular (填报格式不规范).
    #[must_use]
    pub fn irregular_format(mut self) -> Submission {
        self.irregular_format = true;
        self
    }

    /// A reviewer reminded the county on `on` to correct its format (经提醒): a later submission still irregular is
    /// finding 6.
    #[must_use]
    pub fn format_reminder(mut self, on: NaiveDate) -> Submission {
        self.format_reminder_on = Some(on);
        self
    }

    /// The record was revised since the previous submission was returned.
    #[must_use]
    pub fn revised(mut self) -> Submission {
        self.revised = true;
        self
    }

    /// The city returned it (退回) on `on`, giving `reason`.
    #[must_use]
    pub fn returned(mut self, on: NaiveDate, reason: impl Into<String>) -> Submission {
        self.returned_on = Some(on);
        self.return_reason = Some(reason.into());
        self
    }
}

impl Progress {
    /// An internal note of work done on `on` (调查、协调、约谈用人单位…).
    ///
    /// ```
    /// use wage_arrears::{Progress, ProgressKind};
    /// let p = Progress::feedback(wage_arrears::date(2025, 4, 1)?, "已约谈用人单位，正在协调支付");
    /// assert_eq!(p.kind, ProgressKind::Feedback);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn note(on: NaiveDate, note: impl Into<String>) -> Progress {
        Progress {
            on,
            kind: ProgressKind::Note,
            note: note.into(),
        }
    }

    /// A progress feedback filed on the platform on `on` (进度反馈, 平人社监察〔2024〕15号 二(二)).
    pub fn feedback(on: NaiveDate, note: impl Into<String>) -> Progress {
        Progress {
            on,
            kind: ProgressKind::Feedback,
            note: note.into(),
        }
    }
}

/// The record, in the order it happens: each method adds one fact to a clue built by [`Clue::new`].
///
/// ```
/// use wage_arrears::{
///     Clue, Conclusion, Contact, Fen, Investigation, Payment, Policy, Source, Submission,
/// };
/// let d = wage_arrears::date;
/// let owed = Fen::from_yuan(36_000);
/// let clue = Clue::new("PDS-2025-0101", Source::GovCnMessage, "叶县", d(2025, 3, 3)?)
///     .accepted(d(2025, 3, 4)?)
///     .owing(6, owed)
///     .handled_by("李明")
///     .with_facts("反映人张某等6名农民工称，2024年9月至12月在叶县某安置房项目从事钢筋绑扎，劳务分包单位拖欠工资共计3.6万元。")
///     .contacted(Contact::phone(d(2025, 3, 4)?).with_note("电话联系反映人，了解欠薪情况"))
///     .contacted(Contact::phone(d(2025, 3, 6)?))
///     .investigated(Investigation::new(d(2025, 3, 7)?, "调查询问笔录及考勤表、工资表复印件").verified())
///     .filed(d(2025, 3, 10)?)
///     .contacted(Contact::in_person(d(2025, 3, 11)?))
///     .paid(Payment::new(d(2025, 3, 12)?, owed))
///     .with_handling("接到线索后当日电话联系反映人，调取考勤表、工资表，约谈劳务分包单位负责人，依法立案，督促其支付全部欠薪。")
///     .closed(d(2025, 3, 14)?, Conclusion::FiledPaid)
///     .submitted(Submission::new(d(2025, 3, 14)?));
///
/// clue.check()?;
/// assert!(wage_arrears::validate(&clue, &Policy::default()).is_clean());
/// # Ok::<(), wage_arrears::Error>(())
/// ```
impl Clue {
    /// Acceptance confirmed on `on` (确认接收).
    #[must_use]
    pub fn accepted(mut self, on: NaiveDate) -> Clue {
        self.accepted_on = Some(on);
        self
    }

    /// `workers` workers are owed `amount`, as reported or verified.
    #[must_use]
    pub fn owing(mut self, workers: u32, amount: Fen) -> Clue {
        self.workers = workers;
        self.amount_owed = amount;
        self
    }

    /// The clerk responsible (责任人).
    #[must_use]
    pub fn handled_by(mut self, responsible: impl Into<String>) -> Clue {
        self.responsible = responsible.into();
        self
    }

    /// The city handles it directly (上提一级由市级直接办理, 平人社监察〔2024〕15号 二(三)).
    #[must_use]
    pub fn handled_by_city(mut self) -> Clue {
        self.handling_level = HandlingLevel::City;
        self
    }

    /// The ministry transferred it (部转线索).
    #[must_use]
    pub fn from_ministry(mut self) -> Clue {
        self.transferred_by_ministry = true;
        self
    }

    /// 基本案情: the facts.
    #[must_use]
    pub fn with_facts(mut self, facts: impl Into<String>) -> Clue {
        self.facts = facts.into();
        self
    }

    /// 核实处置情况: what was verified and done.
    #[must_use]
    pub fn with_handling(mut self, handling: impl Into<String>) -> Clue {
        self.handling = handling.into();
        self
    }

    /// One more contact with the reporter.
    #[must_use]
    pub fn contacted(mut self, contact: Contact) -> Clue {
        self.contacts.push(contact);
        self
    }

    /// The investigation.
    #[must_use]
    pub fn investigated(mut self, investigation: Investigation) -> Clue {
        self.investigation = Some(investigation);
        self
    }

    /// A case filed on `on` (立案).
    #[must_use]
    pub fn filed(mut self, on: NaiveDate) -> Clue {
        self.case_filed_on = Some(on);
        self
    }

    /// The arrears paid.
    #[must_use]
    pub fn paid(mut self, payment: Payment) -> Clue {
        self.payment = Some(payment);
        self
    }

    /// Court enforcement applied for, or its preparation recorded, on `on`.
    #[must_use]
    pub fn enforcement_applied(mut self, on: NaiveDate) -> Clue {
        self.enforcement_applied_on = Some(on);
        self
    }

    /// The case transferred to the police on `on`.
    #[must_use]
    pub fn transferred_to_police(mut self, on: NaiveDate) -> Clue {
        self.police_transfer_on = Some(on);
        self
    }

    /// The reporter told on `on` to use arbitration or the courts (conclusions 6, 7).
    #[must_use]
    pub fn reporter_informed(mut self, on: NaiveDate) -> Clue {
        self.reporter_informed_on = Some(on);
        self
    }

    /// The award or judgment an enforcement difficulty concerns (conclusion 8), by its reference.
    #[must_use]
    pub fn concerning_award(mut self, reference: impl Into<String>) -> Clue {
        self.award_or_judgment = Some(reference.into());
        self
    }

    /// A repayment agreement (conclusion 5).
    #[must_use]
    pub fn agreed(mut self, agreement: Agreement) -> Clue {
        self.agreement = Some(agreement);
        self
    }

    /// One more progress record.
    #[must_use]
    pub fn progressed(mut self, progress: Progress) -> Clue {
        self.progress.push(progress);
        self
    }

    /// Closed (办结) on `on` with `conclusion`.
    #[must_use]
    pub fn closed(mut self, on: NaiveDate, conclusion: Conclusion) -> Clue {
        self.closed_on = Some(on);
        self.conclusion = Some(conclusion);
        self
    }

    /// One more submission of the conclusion to the city.
    #[must_use]
    pub fn submitted(mut self, submission: Submission) -> Clue {
        self.submissions.push(submission);
        self
    }

    /// Reviewed by the city (复核) on `on`.
    #[must_use]
    pub fn reviewed(mut self, on: NaiveDate) -> Clue {
        self.reviewed_on = Some(on);
        self
    }

    /// A return visit (回访) on `on`.
    #[must_use]
    pub fn visited(mut self, on: NaiveDate) -> Clue {
        self.return_visits.push(on);
        self
    }
}
