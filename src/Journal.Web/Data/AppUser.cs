using Microsoft.AspNetCore.Identity;

namespace Journal.Web.Data;

/// <summary>
/// An account: one per person, spanning schools (AUTH-1). What the person is in a school is a
/// <see cref="Domain.Schools.Membership"/>.
/// </summary>
public class AppUser : IdentityUser<Guid>
{
    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    /// <summary>Name shown in the header before a school is chosen.</summary>
    public required string DisplayName { get; set; }

    /// <summary>The service operator: platform level, sees no pupil data.</summary>
    public bool IsOperator { get; set; }
}
