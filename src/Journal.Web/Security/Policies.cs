using System.Security.Claims;
using Journal.Domain.Schools;
using Microsoft.AspNetCore.Authorization;

namespace Journal.Web.Security;

/// <summary>All role policies. School roles are claims the tenant middleware adds for the current school only.</summary>
public static class Policies
{
    public const string Operator = "Operator";
    public const string Admin = nameof(SchoolRole.Admin);
    public const string Deputy = nameof(SchoolRole.Deputy);
    public const string Teacher = nameof(SchoolRole.Teacher);
    public const string ClassTeacher = nameof(SchoolRole.ClassTeacher);
    public const string Parent = nameof(SchoolRole.Parent);
    public const string Student = nameof(SchoolRole.Student);

    /// <summary>Claim type of the global operator flag, issued at sign-in.</summary>
    public const string OperatorClaim = "journal:operator";

    /// <summary>Authentication type of the identity holding the current school's roles.</summary>
    public const string SchoolIdentity = "journal:school";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Operator, p => p.RequireClaim(OperatorClaim, "true"));
        foreach (var role in Enum.GetValues<SchoolRole>())
        {
            // Only the roles the school resolution added for the current school count: a role claim
            // from anywhere else (the cookie, a global Identity role) never opens a school area.
            var name = role.ToString();
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireAssertion(context =>
                context.User.Identities.Any(i => i.AuthenticationType == SchoolIdentity && i.HasClaim(ClaimTypes.Role, name))));
        }

    }
}
