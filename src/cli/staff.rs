//! `fairgold staff add` and `fairgold staff disable`, by the system actor `cli` (audit-logged).

use super::{connect, CliError, StaffCommand};
use crate::audit::Actor;
use crate::config::Settings;
use crate::reference;
use crate::staff::service::{self as staff_service, NewStaffInput};

pub(super) fn run(settings: &Settings, command: StaffCommand) -> Result<(), CliError> {
    let mut conn = connect(settings)?;
    let now = chrono::Utc::now().naive_utc();
    reference::ensure(&mut conn, now)?;
    let actor = Actor::system("cli");
    match command {
        StaffCommand::Add { email, role, center, name } => {
            let input = NewStaffInput {
                display_name: name.unwrap_or_else(|| email.as_str().to_string()),
                email,
                role,
                // The service resolves the code, and says when it names no center.
                center_code: center.map(|c| c.as_str().to_string()),
            };
            let (_, token) = staff_service::add(&mut conn, &input, &actor, now)?;
            println!("Created {} ({}).", input.email.as_str(), role.label());
            println!("One-time setup link (valid 72 hours): {}/admin/setup/{token}", settings.base_url);
        }
        StaffCommand::Disable { email } => {
            staff_service::disable(&mut conn, &email, &actor, now)?;
            println!("Disabled {}: their sessions and API tokens no longer work.", email.as_str());
        }
    }
    Ok(())
}
