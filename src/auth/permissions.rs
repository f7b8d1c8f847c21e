//! Who may do what in the back office and the admin API: one table of routes → actions, and one
//! of actions → roles. The extractors every back-office handler starts from (`CurrentStaff`,
//! `ApiStaff`) look the request's route up here and refuse a role the action does not allow —
//! and refuse any route that is missing from the table (fail closed: a new page is forbidden
//! until it is given an action). What depends on the data — a manager's own center, the second
//! person approving an adjustment — is checked by the handler and the service.
//!
//! `tests/api/admin_access.rs` reads every registered admin route from the source and fails
//! for one that is missing here or from its own table of expected answers.

use actix_web::http::Method;

use crate::staff::Role;

/// What a route does, as far as permission goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Signing in and out, the second factor, setting a password: no role yet.
    SignIn,
    /// The dashboard, one's own API tokens and one's own account (password, sessions).
    Own,
    PiecesView,
    PiecesWrite,
    ArtisansView,
    ArtisansWrite,
    /// Withdrawing (or giving) consent: finance may withdraw too (a takedown never waits for a
    /// manager); the handler lets finance withdraw only.
    Consent,
    /// Artisans' legal names, phones and payout details.
    PrivateRecords,
    /// The language of an artisan's pay slip: finance, admins, and the artisan's center manager
    /// (the handler scopes it).
    SlipLanguage,
    Import,
    OrdersView,
    OrdersShip,
    OrdersRefund,
    AuditLog,
    EmailOutbox,
    Wages,
    /// Reading employment terms, the time register and pay slips: finance, admins, and managers
    /// (their own center's; the handlers scope it).
    WagesView,
    /// Entering the time register: managers (their own center) and admins.
    TimeRegister,
    /// Approving public text that screening flagged (`screening::approvals`): admins and
    /// managers (their own center's; never the person who asked).
    TextApproval,
    /// Recording the day's gold rate: finance and admins.
    GoldRates,
    /// A piece's recorded costs (stones, hallmarking, shipping and packing): finance, admins,
    /// and the piece's center manager (the handler scopes it).
    PieceCosts,
    /// Writing the shop's policies (terms, returns, privacy, shipping, grievance officer): admins.
    Policies,
    /// Customers' privacy requests (copies of their data, erasures) and the retention job's
    /// passes: admins only.
    Privacy,
    /// The month's tax invoices and credit notes, and their CSV (GSTR-1): finance and admins.
    /// (One order's invoice is `OrdersView`, scoped to the manager's center by the handler.)
    Invoices,
    /// See returns (a manager: their own center's).
    ReturnsView,
    /// Approve or decline a return, record its receipt (a manager: their own center's).
    ReturnsDecide,
    /// Refund a received return, or close it without a refund.
    ReturnsRefund,
}

impl Action {
    pub fn allows(self, role: Role) -> bool {
        use Action::*;
        use Role::*;
        match self {
            SignIn | Own | PiecesView | ArtisansView | OrdersView | ReturnsView => true,
            PiecesWrite | ArtisansWrite | Import | OrdersShip | ReturnsDecide => matches!(role, Admin | Manager),
            Consent | SlipLanguage => matches!(role, Admin | Manager | Finance),
            PrivateRecords | Wages | GoldRates | Invoices | ReturnsRefund => matches!(role, Admin | Finance),
            WagesView | PieceCosts => matches!(role, Admin | Finance | Manager),
            TimeRegister | TextApproval => matches!(role, Admin | Manager),
            OrdersRefund | AuditLog | EmailOutbox | Policies | Privacy => role == Admin,
        }
    }
}

/// Every back-office and admin-API route: (method, route pattern as registered, action).
pub const ROUTES: &[(&str, &str, Action)] = {
    use Action::*;
    &[
        ("GET", "/admin/login", SignIn),
        ("POST", "/admin/login", SignIn),
        ("POST", "/admin/logout", SignIn),
        ("GET", "/admin/mfa", SignIn),
        ("POST", "/admin/mfa", SignIn),
        ("GET", "/admin/mfa/enrol", SignIn),
        ("POST", "/admin/mfa/enrol", SignIn),
        ("GET", "/admin/setup/{token}", SignIn),
        ("POST", "/admin/setup/{token}", SignIn),
        ("GET", "/admin", Own),
        ("GET", "/admin/tokens", Own),
        ("POST", "/admin/tokens", Own),
        ("POST", "/admin/tokens/{id}/revoke", Own),
        ("GET", "/admin/account", Own),
        ("POST", "/admin/account/password", Own),
        ("POST", "/admin/account/sessions/end", Own),
        ("POST", "/admin/account/recovery-codes", Own),
        ("POST", "/admin/account/preferences", Own),
        ("GET", "/admin/pieces", PiecesView),
        ("GET", r"/admin/pieces/{id:\d+}", PiecesView),
        ("GET", "/admin/pieces/new", PiecesWrite),
        ("POST", "/admin/pieces", PiecesWrite),
        ("POST", r"/admin/pieces/{id:\d+}", PiecesWrite),
        ("POST", r"/admin/pieces/{id:\d+}/publish", PiecesWrite),
        ("POST", r"/admin/pieces/{id:\d+}/publish/confirm", PiecesWrite),
        ("POST", r"/admin/pieces/{id:\d+}/approval", PiecesWrite),
        ("GET", "/admin/approvals", TextApproval),
        ("POST", r"/admin/approvals/{id:\d+}/approve", TextApproval),
        ("POST", r"/admin/pieces/{id:\d+}/withdraw", PiecesWrite),
        ("POST", r"/admin/pieces/{id:\d+}/images", PiecesWrite),
        ("POST", r"/admin/pieces/{id:\d+}/images/{image_id:\d+}/move", PiecesWrite),
        ("POST", r"/admin/pieces/{id:\d+}/images/{image_id:\d+}/delete", PiecesWrite),
        ("GET", "/admin/artisans", ArtisansView),
        ("GET", "/admin/artisans/{id}", ArtisansView),
        ("GET", "/admin/artisans/new", ArtisansWrite),
        ("POST", "/admin/artisans", ArtisansWrite),
        ("POST", "/admin/artisans/{id}", ArtisansWrite),
        ("POST", "/admin/artisans/{id}/photo", ArtisansWrite),
        ("POST", "/admin/artisans/{id}/photo/delete", ArtisansWrite),
        ("GET", "/admin/artisans/{id}/portrait", ArtisansView),
        // A second staff member approves a story that screening flagged.
        ("POST", "/admin/artisans/{id}/story/approve", ArtisansWrite),
        // The scan of a signed consent form: the artisan's center (managers) and admins.
        ("GET", "/admin/artisans/{id}/consents/{consent_id}/form", ArtisansWrite),
        ("POST", "/admin/artisans/{id}/consents/{consent_id}/form", ArtisansWrite),
        ("POST", "/admin/artisans/{id}/consent", Consent),
        ("POST", "/admin/artisans/{id}/slip-language", SlipLanguage),
        ("GET", "/admin/artisans/{id}/private", PrivateRecords),
        ("POST", "/admin/artisans/{id}/private", PrivateRecords),
        ("GET", "/admin/import", Import),
        ("POST", "/admin/import", Import),
        ("POST", "/admin/import/confirm", Import),
        ("GET", "/admin/import/example.csv", Import),
        ("GET", "/admin/orders", OrdersView),
        ("GET", r"/admin/orders/{id:\d+}", OrdersView),
        ("POST", r"/admin/orders/{id:\d+}/shipments/{sid:\d+}/packed", OrdersShip),
        ("POST", r"/admin/orders/{id:\d+}/shipments/{sid:\d+}/shipped", OrdersShip),
        ("POST", r"/admin/orders/{id:\d+}/shipments/{sid:\d+}/delivered", OrdersShip),
        ("GET", r"/admin/orders/{id:\d+}/shipments/{sid:\d+}/slip", OrdersView),
        ("POST", r"/admin/orders/{id:\d+}/refund", OrdersRefund),
        ("GET", r"/admin/orders/{id:\d+}/invoice", OrdersView),
        ("GET", r"/admin/orders/{id:\d+}/credit-notes/{cid:\d+}", OrdersView),
        ("GET", "/admin/returns", ReturnsView),
        ("GET", r"/admin/returns/{id:\d+}", ReturnsView),
        ("POST", r"/admin/returns/{id:\d+}/approve", ReturnsDecide),
        ("POST", r"/admin/returns/{id:\d+}/decline", ReturnsDecide),
        ("POST", r"/admin/returns/{id:\d+}/receive", ReturnsDecide),
        ("POST", r"/admin/returns/{id:\d+}/refund", ReturnsRefund),
        ("POST", r"/admin/returns/{id:\d+}/close", ReturnsRefund),
        ("GET", "/admin/invoices", Invoices),
        ("GET", "/admin/invoices.csv", Invoices),
        ("GET", "/admin/audit", AuditLog),
        ("GET", "/admin/audit.csv", AuditLog),
        ("GET", "/admin/email", EmailOutbox),
        ("POST", "/admin/email/{id}/retry", EmailOutbox),
        ("GET", "/admin/privacy", Privacy),
        ("GET", "/admin/wages", Wages),
        ("POST", "/admin/wages/verify", Wages),
        ("GET", "/admin/wages/policy", Wages),
        ("POST", "/admin/wages/policy", Wages),
        ("GET", "/admin/wages/rates", Wages),
        ("POST", "/admin/wages/rates", Wages),
        ("GET", "/admin/wages/payouts/new", Wages),
        ("POST", "/admin/wages/payouts/new", Wages),
        ("GET", "/admin/wages/deductions/new", Wages),
        ("POST", "/admin/wages/deductions/new", Wages),
        ("GET", "/admin/wages/adjustments", Wages),
        ("POST", "/admin/wages/adjustments", Wages),
        ("POST", r"/admin/wages/adjustments/{id:\d+}/approve", Wages),
        ("POST", r"/admin/wages/adjustments/{id:\d+}/reject", Wages),
        ("GET", "/admin/wages/ledger", Wages),
        ("GET", "/admin/wages/export", Wages),
        ("GET", "/admin/wages/statements/{artisan}/{month}", Wages),
        ("GET", "/admin/wages/statements/{artisan}/{month}/csv", Wages),
        ("GET", "/admin/wages/centers/{center}/{month}", Wages),
        ("GET", "/admin/wages/earnings", Wages),
        ("GET", "/admin/wages/late", Wages),
        ("GET", "/admin/wages/reconciliation", Wages),
        ("GET", "/admin/wages/terms", WagesView),
        ("POST", "/admin/wages/terms", Wages),
        ("GET", "/admin/wages/register", WagesView),
        ("POST", "/admin/wages/register", TimeRegister),
        ("POST", "/admin/wages/register/confirm", TimeRegister),
        ("POST", "/admin/wages/register/import", TimeRegister),
        ("GET", "/admin/wages/months/{center}/{month}", Wages),
        ("GET", "/admin/wages/artisans/{public_id}/slips/{month}", WagesView),
        ("POST", "/admin/wages/months/{center}/{month}/close", Wages),
        ("GET", r"/admin/pieces/{id:\d+}/costs", PieceCosts),
        ("POST", r"/admin/pieces/{id:\d+}/costs", PieceCosts),
        ("GET", "/admin/gold-rates", GoldRates),
        ("POST", "/admin/gold-rates", GoldRates),
        ("GET", "/admin/policies", Policies),
        ("GET", "/admin/policies/{kind}", Policies),
        ("POST", "/admin/policies/{kind}", Policies),
        ("GET", "/api/admin/v1/pieces", PiecesView),
        ("GET", "/api/admin/v1/pieces/{id}", PiecesView),
        ("POST", "/api/admin/v1/pieces", PiecesWrite),
        ("PUT", "/api/admin/v1/pieces/{id}", PiecesWrite),
        ("POST", "/api/admin/v1/pieces/{id}/publish", PiecesWrite),
        ("POST", "/api/admin/v1/pieces/{id}/withdraw", PiecesWrite),
    ]
};

/// The action of a request's route: `None` for a route missing from the table.
pub fn action_for(method: &Method, pattern: Option<&str>) -> Option<Action> {
    let pattern = pattern?;
    // A HEAD is answered like the GET it stands for.
    let method = if method == Method::HEAD { "GET" } else { method.as_str() };
    ROUTES.iter().find(|(m, p, _)| *m == method && *p == pattern).map(|(_, _, a)| *a)
}

/// Whether `role` may use the route of this request. A route missing from the table is refused
/// (and logged as the bug it is).
pub fn permits(role: Role, method: &Method, pattern: Option<&str>) -> bool {
    match action_for(method, pattern) {
        Some(action) => action.allows(role),
        None => {
            tracing::error!(%method, pattern = pattern.unwrap_or("(none)"), "a back-office route is missing from the permission table");
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_names_each_route_once() {
        let mut seen = std::collections::HashSet::new();
        for (m, p, _) in ROUTES {
            assert!(seen.insert((m, p)), "{m} {p} twice");
        }
    }

    #[test]
    fn actions_by_role() {
        assert!(Action::Wages.allows(Role::Finance) && !Action::Wages.allows(Role::Manager));
        assert!(Action::OrdersRefund.allows(Role::Admin) && !Action::OrdersRefund.allows(Role::Finance));
        assert!(Action::Consent.allows(Role::Finance) && !Action::ArtisansWrite.allows(Role::Finance));
        assert!(!permits(Role::Admin, &Method::GET, Some("/admin/not-in-the-table")), "fail closed");
        assert!(permits(Role::Manager, &Method::HEAD, Some("/admin/pieces")));
    }
}
