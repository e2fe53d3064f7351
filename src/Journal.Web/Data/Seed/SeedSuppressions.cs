using System.Diagnostics.CodeAnalysis;

// The demo generator draws names, marks and absences from System.Random with a fixed seed per
// school, so a rebuild gives the same data. This is demo data, not security: no secret, token or
// password is ever derived from it.
[assembly: SuppressMessage(
    "Security",
    "CA5394:Do not use insecure randomness",
    Justification = "Deterministic demo data, not security.",
    Scope = "namespaceanddescendants",
    Target = "~N:Journal.Web.Data.Seed")]
