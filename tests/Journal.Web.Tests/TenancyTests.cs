using System.Net;
using System.Security.Claims;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Journal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>TEN-1..3 at the HTTP level: a school is reachable only by its members, and only for their roles.</summary>
public sealed partial class TenancyTests(JournalApp app)
{
    private static readonly string[] SchoolAreas = ["admin", "deputy", "teacher", "classteacher", "parent", "student"];

    /// <summary>Every GET page of every school area, found from the application's own routing table.</summary>
    private List<string> SchoolPages(string slug)
    {
        var actions = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>()
            .Where(a => a.RouteValues.TryGetValue("area", out var area) && SchoolAreas.Contains(area?.ToLowerInvariant()))
            .Where(a => a.EndpointMetadata.OfType<HttpMethodMetadata>().FirstOrDefault() is not { } methods
                        || methods.HttpMethods.Contains("GET"))
            .ToList();
        actions.Count.ShouldBeGreaterThanOrEqualTo(SchoolAreas.Length);
        return actions
            .Select(a => a.AttributeRouteInfo?.Template is { } template
                ? "/" + RouteValue().Replace(
                        template.Replace("{school}", slug, StringComparison.Ordinal),
                        m => m.Groups[1].Value == "guid" ? Guid.CreateVersion7().ToString() : "5").ToLowerInvariant()
                : $"/s/{slug}/{a.RouteValues["area"]}/{a.ControllerName}/{a.ActionName}".ToLowerInvariant()
                  + (a.Parameters.Any(p => p.Name == "id") ? $"/{Guid.CreateVersion7()}" : ""))
            .ToList();
    }

    /// <summary>A typed route parameter: {id:guid}, {subjectId:guid}, {grade:int}.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\{\w+:(guid|int)\}")]
    private static partial System.Text.RegularExpressions.Regex RouteValue();

    [Theory]
    [InlineData("admin@demo2")]
    [InlineData("deputy@demo2")]
    [InlineData("teacher@demo2")]
    [InlineData("classteacher@demo2")]
    [InlineData("student@demo2")]
    public async Task Another_schools_user_gets_404_on_every_page_of_the_school(string login)
    {
        var client = await app.SignInAsync(login);
        var pages = SchoolPages("demo").Append("/s/demo").Append("/s/demo/");

        foreach (var page in pages)
        {
            var response = await client.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, page);
            var html = await response.Content.ReadAsStringAsync();
            html.ShouldContain("Страница не найдена");
            // Nothing of the school leaks, not even its name or address (TEN-1).
            html.ShouldNotContain("Демонстрационная школа", customMessage: page);
            html.ShouldNotContain("href=\"/s/demo\"", customMessage: page);
        }
    }

    [Fact]
    public async Task Admin_sees_every_area_page_of_own_school_only_for_own_role()
    {
        var client = await app.SignInAsync("admin@demo");

        foreach (var page in SchoolPages("demo"))
        {
            var response = await client.GetAsync(page);
            if (page.StartsWith("/s/demo/admin/", StringComparison.Ordinal))
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK, page);
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
                response.Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/forbidden", customMessage: page);
            }
        }
    }

    [Theory]
    [InlineData("student@demo", "/s/demo/admin")]
    [InlineData("student@demo", "/s/demo/teacher")]
    [InlineData("parent@demo", "/s/demo/deputy")]
    [InlineData("teacher@demo", "/s/demo/admin")]
    [InlineData("teacher@demo", "/s/demo/classteacher")]
    [InlineData("admin@demo", "/operator")]
    public async Task User_without_the_role_is_forbidden_in_russian(string login, string page)
    {
        var client = await app.SignInAsync(login);

        var response = await client.GetAsync(page);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/forbidden");
        var forbidden = await client.GetAsync(response.Headers.Location);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await forbidden.Content.ReadAsStringAsync()).ShouldContain("Доступ запрещён");
    }

    [Fact]
    public async Task A_role_claim_outside_the_school_never_opens_a_school_area()
    {
        var demo = await app.SchoolIdAsync("demo");
        await using (var scope = app.SchoolScope(demo))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = "claims-test", DisplayName = "Тест" };
            (await users.CreateAsync(user, JournalApp.DemoPassword)).Succeeded.ShouldBeTrue();
            // A global claim saying Admin, as a careless import or a future feature might store.
            (await users.AddClaimAsync(user, new Claim(ClaimTypes.Role, nameof(SchoolRole.Admin)))).Succeeded.ShouldBeTrue();
            var db = scope.ServiceProvider.GetRequiredService<JournalDbContext>();
            db.Memberships.Add(new Membership
            {
                UserId = user.Id,
                LastName = "Тестов",
                FirstName = "Тест",
                Roles = [new MembershipRole { Role = SchoolRole.Teacher }],
            });
            await db.SaveChangesAsync();
        }

        var client = await app.SignInAsync("claims-test");

        (await client.GetAsync("/s/demo/teacher")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/s/demo/admin")).Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/forbidden");
    }

    [Fact]
    public async Task Operator_is_no_member_of_any_school()
    {
        var client = await app.SignInAsync("operator");

        (await client.GetAsync("/s/demo/admin")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/s/no-such-school")]
    [InlineData("/s/no-such-school/teacher")]
    public async Task Unknown_school_is_not_found_even_before_sign_in(string page)
    {
        (await app.Anonymous().GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var client = await app.SignInAsync("teacher@demo");
        (await client.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task School_slug_is_case_insensitive_for_members()
    {
        var client = await app.SignInAsync("teacher@demo");

        (await client.GetAsync("/s/DEMO/teacher")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

internal static class UriExtensions
{
    public static string PathAndQueryOrOriginal(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
