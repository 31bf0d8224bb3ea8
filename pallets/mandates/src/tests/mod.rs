mod expiry;
mod grant;
mod revoke;
mod signed;
mod spending;
