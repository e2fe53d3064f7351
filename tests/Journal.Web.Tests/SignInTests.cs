using System.Net;
using Journal.Web.Tests.Infrastructure;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>AUTH-1: the sign-in form at /login, landing on the role's home, lockout, Russian messages.</summary>
public sealed class SignInTests(JournalApp app)
{
    [Theory]
    [InlineData("admin@demo", "/s/demo/admin", "Администрирование школы")]
    [InlineData("deputy@demo", "/s/demo/deputy", "Журналы школы")]
    [InlineData("teacher@demo", "/s/demo/teacher", "Мои журналы")]
    [InlineData("classteacher@demo", "/s/demo/classteacher", "Мой класс: 5А")]
    [InlineData("student@demo", "/s/demo/student", "Уроки на сегодня")]
    [InlineData("parent@demo2", "/s/demo2/parent", "Мои дети")]
    [InlineData("admin@demo2", "/s/demo2/admin", "Администрирование школы")]
    [InlineData("deputy@demo2", "/s/demo2/deputy", "Журналы школы")]
    [InlineData("teacher@demo2", "/s/demo2/teacher", "Мои журналы")]
    [InlineData("classteacher@demo2", "/s/demo2/classteacher", "Мой класс:")]
    [InlineData("student@demo2", "/s/demo2/student", "Уроки на сегодня")]
    [InlineData("operator", "/operator", "Школы")]
    public async Task Demo_account_signs_in_and_lands_on_its_role_home(string login, string home, string heading)
    {
        var client = await app.SignInAsync(login);

        var (path, html) = await FollowAsync(client, "/");

        path.ShouldBe(home);
        html.ShouldContain(heading);
    }

    [Fact]
    public async Task Parent_with_children_in_two_schools_picks_the_school()
    {
        var client = await app.SignInAsync("parent@demo");

        var (path, html) = await FollowAsync(client, "/");

        path.ShouldBe("/");
        html.ShouldContain("Выберите школу");
        html.ShouldContain("href=\"/s/demo\"");
        html.ShouldContain("href=\"/s/demo2\"");
        var (_, children) = await FollowAsync(client, "/s/demo/parent");
        children.ShouldContain("Дети в других школах");
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_russian_message_and_no_cookie()
    {
        var client = app.Anonymous();
        var login = await app.CreateAccountAsync("wrong-password");

        var response = await JournalApp.PostLoginAsync(client, login, "wrong-password");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Неверный логин или пароль.");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Unknown_login_gets_the_same_message_as_a_wrong_password()
    {
        var response = await JournalApp.PostLoginAsync(app.Anonymous(), "nobody@demo", "whatever-password");

        (await response.Content.ReadAsStringAsync()).ShouldContain("Неверный логин или пароль.");
    }

    [Fact]
    public async Task Empty_form_asks_for_login_and_password_in_russian()
    {
        var response = await JournalApp.PostLoginAsync(app.Anonymous(), "", "");

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Введите логин.");
        html.ShouldContain("Введите пароль.");
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_for_the_right_password()
    {
        var login = await app.CreateAccountAsync("lockout");

        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await JournalApp.PostLoginAsync(client, login, "wrong-password");
        }

        var response = await JournalApp.PostLoginAsync(client, login, JournalApp.DemoPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Вход заблокирован на 15 минут");
    }

    [Fact]
    public async Task Login_without_antiforgery_token_is_refused_in_russian()
    {
        var client = app.Anonymous();
        await client.GetAsync("/login");

        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = "teacher@demo",
            ["password"] = JournalApp.DemoPassword,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Форма устарела");
        (await client.GetAsync("/s/demo/teacher")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Login_with_a_tampered_antiforgery_token_is_refused()
    {
        var client = app.Anonymous();
        var token = await JournalApp.AntiforgeryTokenAsync(client, "/login");

        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = "teacher@demo",
            ["password"] = JournalApp.DemoPassword,
            ["__RequestVerificationToken"] = token[..^4] + "AAAA",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var client = await app.SignInAsync("teacher@demo");
        var token = await JournalApp.AntiforgeryTokenAsync(client, "/s/demo/teacher");

        var response = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));

        response.Headers.Location!.OriginalString.ShouldBe("/login");
        (await client.GetAsync("/s/demo/teacher")).Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/login");
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_login_page()
    {
        var response = await app.Anonymous().GetAsync("/s/demo/teacher");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/login?ReturnUrl=");
    }

    /// <summary>Follows redirects by hand, so the test sees the final path.</summary>
    internal static async Task<(string Path, string Html)> FollowAsync(HttpClient client, string path)
    {
        for (var hops = 0; hops < 5; hops++)
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}");
                return (path, await response.Content.ReadAsStringAsync());
            }

            var location = response.Headers.Location!;
            path = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
        }

        throw new InvalidOperationException("Too many redirects");
    }
}
