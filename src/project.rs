//! Construction projects (工程项目) and the progress-payment rule of government projects (R-PAY-1,
//! 保定市高效处置农民工欠薪问题若干措施（十一）).
//!
//! 保定市高效处置农民工欠薪问题若干措施（十一）：政府项目要严格执行工程款拨付比例不低于已完成工程量80%的规定，
//! 确保建设资金足额按期到位。
//!
//! A [`Project`] records, as of a day, whether the project is government-invested, its contract value, the value
//! of the work completed and what has been paid to date; [`progress_payment`] says whether a government project
//! has paid out at least [`Policy::progress_payment_min_rate`] of the work completed, and if not, the shortfall in
//! 元, exact to the fen. The rule binds government projects only: for any other project the answer is "not
//! applicable", never a finding.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Error, Fen, Policy, Rate, RuleId};

/// A project's payment position on a day.
///
/// ```
/// use wage_arrears::{Fen, Project};
/// let json = r#"{
///   "name": "某县人民医院门诊楼", "government_invested": true, "as_of": "2025-06-30",
///   "contract_value": 4800000000, "completed_value": 3000000000, "paid_to_date": 2000000000
/// }"#;
/// let p: Project = wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(json))?;
/// assert_eq!(p.completed_value, Fen::from_yuan(30_000_000));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// The project's name.
    pub name: String,
    /// Whether it is a government-invested project (政府项目 / 政府投资项目).
    pub government_invested: bool,
    /// The contract value (合同价款).
    pub contract_value: Fen,
    /// The value of the work completed (已完成工程量), as measured on `as_of`.
    pub completed_value: Fen,
    /// What has been paid out to date (已拨付工程款), on `as_of`.
    pub paid_to_date: Fen,
    /// The day the figures describe.
    pub as_of: NaiveDate,
}

/// What the progress-payment rule says of a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
#[non_exhaustive]
pub enum PaymentVerdict {
    /// Not a government-invested project: the rule does not bind it.
    NotApplicable,
    /// Paid at least the required share of the work completed.
    Met {
        /// The least payment the rule requires: ⌈rate × completed⌉ fen.
        required: Fen,
    },
    /// Paid less than the required share.
    Shortfall {
        /// The least payment the rule requires: ⌈rate × completed⌉ fen.
        required: Fen,
        /// `required − paid`: what must still be paid out to meet the rule.
        shortfall: Fen,
    },
}

/// The progress-payment check of one project (R-PAY-1).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ProgressPayment {
    /// The project.
    pub project: String,
    /// The day the figures describe.
    pub as_of: NaiveDate,
    /// [`RuleId::ProgressPaymentRatio`].
    pub rule: RuleId,
    /// The share of the work completed that must have been paid ([`Policy::progress_payment_min_rate`]).
    pub rate: Rate,
    /// The work completed.
    pub completed_value: Fen,
    /// Paid to date.
    pub paid_to_date: Fen,
    /// Not applicable, met, or short by how much.
    pub verdict: PaymentVerdict,
}

impl ProgressPayment {
    /// The shortfall, when there is one.
    pub fn shortfall(&self) -> Option<Fen> {
        match self.verdict {
            PaymentVerdict::Shortfall { shortfall, .. } => Some(shortfall),
            _ => None,
        }
    }
}

impl fmt::Display for ProgressPayment {
    /// `R-PAY-1 某项目 截至 2025-06-30：已完成工程量 ¥30000000.00 × 80% = 应拨付 ¥24000000.00，已拨付
    /// ¥20000000.00，差额 ¥4000000.00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} 截至 {}：", self.rule, self.project, self.as_of)?;
        match self.verdict {
            PaymentVerdict::NotApplicable => write!(
                f,
                "非政府投资项目，不适用（工程款拨付比例的规定约束政府项目）"
            ),
            PaymentVerdict::Met { required } => write!(
                f,
                "已完成工程量 {} × {} = 应拨付不低于 {}，已拨付 {}，符合",
                self.completed_value, self.rate, required, self.paid_to_date
            ),
            PaymentVerdict::Shortfall {
                required,
                shortfall,
            } => write!(
                f,
                "已完成工程量 {} × {} = 应拨付不低于 {}，已拨付 {}，差额 {}",
                self.completed_value, self.rate, required, self.paid_to_date, shortfall
            ),
        }
    }
}

/// Whether a government project has paid out at least the policy's share of the work completed, and the shortfall
/// in 元 (exact to the fen) when it has not (R-PAY-1, 保定市高效处置农民工欠薪问题若干措施（十一）).
///
/// The required payment is `⌈rate × completed_value⌉` fen, computed exactly (the least whole number of fen not
/// below the share); the project meets the rule when `paid_to_date` reaches it. A project that is not
/// government-invested is [`PaymentVerdict::NotApplicable`]: the clause binds government projects only.
///
/// ```
/// use wage_arrears::project::{progress_payment, PaymentVerdict};
/// use wage_arrears::{Fen, Policy, Project};
///
/// let mut p = Project {
///     name: "某县人民医院门诊楼".into(),
///     government_invested: true,
///     contract_value: Fen::from_yuan(48_000_000),
///     completed_value: Fen::from_yuan(30_000_000),
///     paid_to_date: Fen::from_yuan(20_000_000),
///     as_of: wage_arrears::date(2025, 6, 30)?,
/// };
/// let check = progress_payment(&p, &Policy::default())?;
/// assert_eq!(check.shortfall(), Some(Fen::from_yuan(4_000_000))); // 80% of 30 M is 24 M; 20 M paid
///
/// p.government_invested = false;
/// assert_eq!(progress_payment(&p, &Policy::default())?.verdict, PaymentVerdict::NotApplicable);
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidPolicy`] when the policy does not pass [`Policy::validate`]; [`Error::Overflow`] never for a
/// valid policy (a rate of at most 100% of an amount in fen fits, and the shortfall is taken only when positive).
pub fn progress_payment(project: &Project, policy: &Policy) -> Result<ProgressPayment, Error> {
    policy.validate()?;
    let rate = policy.progress_payment_min_rate;
    let verdict = if project.government_invested {
        // 保定（十一）：政府项目要严格执行工程款拨付比例不低于已完成工程量80%的规定。
        // ⌈completed × rate⌉ in fen: at most `completed` since the rate is at most 100%.
        let required = Fen(rate.ceil_of(project.completed_value.fen())?);
        if project.paid_to_date < required {
            PaymentVerdict::Shortfall {
                required,
                shortfall: required.checked_sub(project.paid_to_date)?,
            }
        } else {
            PaymentVerdict::Met { required }
        }
    } else {
        PaymentVerdict::NotApplicable
    };
    Ok(ProgressPayment {
        project: project.name.clone(),
        as_of: project.as_of,
        rule: RuleId::ProgressPaymentRatio,
        rate,
        completed_value: project.completed_value,
        paid_to_date: project.paid_to_date,
        verdict,
    })
}
