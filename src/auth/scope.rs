//! The one center check. A manager acts for their own workshop only; finance and admins act for
//! every workshop. The back-office pages, the admin API, the CSV import, the CLI and the
//! services all carry a `Scope` and ask it before touching a center's pieces, photos, artisans or
//! parcels — so the rule, its refusal and its log line exist once.

use crate::audit::Actor;
use crate::error::AppError;

/// Who acts, and for which center: `center_scope` is `None` for every center.
#[derive(Debug, Clone)]
pub struct Scope {
    pub actor: Actor,
    pub center_scope: Option<i64>,
}

/// What a refused write was about, for the person's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Pieces,
    Artisans,
    Parcels,
    Returns,
}

impl Subject {
    fn noun(self) -> &'static str {
        match self {
            Self::Pieces => "pieces",
            Self::Artisans => "artisans",
            Self::Parcels => "parcels",
            Self::Returns => "returns",
        }
    }
}

impl Scope {
    /// Every center (an admin, the CLI, the system).
    pub fn everywhere(actor: Actor) -> Self {
        Self { actor, center_scope: None }
    }

    pub fn allows(&self, center_id: i64) -> bool {
        self.center_scope.is_none_or(|own| own == center_id)
    }

    /// 403 (and a log line) unless this scope may act for `center_id`.
    pub fn check(&self, center_id: i64, subject: Subject) -> Result<(), AppError> {
        if self.allows(center_id) {
            return Ok(());
        }
        tracing::warn!(actor = %self.actor.label, center_id, subject = subject.noun(), "a write for another center refused");
        Err(AppError::Forbidden(format!("You can only change {} of your own workshop.", subject.noun())))
    }
}

impl From<&super::CurrentStaff> for Scope {
    fn from(me: &super::CurrentStaff) -> Self {
        Scope { actor: me.actor(), center_scope: me.center_scope() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manager_acts_for_their_own_center_only() {
        let manager = Scope { actor: Actor::system("m"), center_scope: Some(1) };
        assert!(manager.check(1, Subject::Pieces).is_ok());
        let refused = manager.check(2, Subject::Artisans).unwrap_err();
        assert_eq!(refused.public_message(), "You can only change artisans of your own workshop.");
        assert!(Scope::everywhere(Actor::system("admin")).check(2, Subject::Pieces).is_ok());
    }
}
