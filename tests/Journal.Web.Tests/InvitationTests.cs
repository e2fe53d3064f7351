using System.Net;
using System.Net.Sockets;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Journal.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>
/// AUTH-2: the class teacher of demo2's 10А (teacher5@demo2; no other test uses the class) hands out invitation codes,
/// and parents and pupils register with them. Every test takes its own pupils of the class (tests of one class run one
/// after another) and posts to /register from its own loopback address, so the per-address rate limit is its own too.
/// </summary>
public sealed class InvitationTests(JournalApp app)
{
    private const string ClassTeacher = "teacher5@demo2";
    private const string Page = "/s/demo2/classteacher/invitations";
    private const string NotFoundMessage = "Код не найден или уже недействителен.";
    private static readonly HtmlParser Parser = new();

    private sealed record Row(Guid PupilId, string Name, string? PupilCode, string PupilState, string? ParentCode, string ParentState);

    /// <summary>The class teacher's list after «Создать коды», which is harmless to press again.</summary>
    private async Task<(HttpClient Teacher, List<Row> Rows)> CodesAsync()
    {
        var teacher = await app.SignInAsync(ClassTeacher);
        var token = await JournalApp.AntiforgeryTokenAsync(teacher, Page);
        var created = await teacher.PostAsync($"{Page}/create", Form(("__RequestVerificationToken", token)));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (teacher, await RowsAsync(teacher));
    }

    private static async Task<List<Row>> RowsAsync(HttpClient teacher)
    {
        var response = await teacher.GetAsync(Page);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return page.QuerySelectorAll("table.invitations tbody tr").Select(tr => new Row(
                Guid.Parse(tr.GetAttribute("data-pupil")!),
                tr.QuerySelector("th")!.TextContent.Trim(),
                tr.QuerySelector("td.pupil-code code")?.TextContent.Trim(),
                tr.QuerySelector("td.pupil-code")!.TextContent.Trim(),
                tr.QuerySelector("td.parent-code code")?.TextContent.Trim(),
                tr.QuerySelector("td.parent-code")!.TextContent.Trim()))
            .ToList();
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static int _lastAddress;

    /// <summary>
    /// An anonymous client whose requests come from an address of its own (127.0.x.y: all of 127/8 is loopback), so the
    /// rate limiter, which counts per address, counts it apart from every other test.
    /// </summary>
    private HttpClient FromOwnAddress()
    {
        var n = Interlocked.Increment(ref _lastAddress) + (Environment.ProcessId % 200 * 256);
        var local = new IPAddress([127, 0, (byte)(1 + (n / 250 % 250)), (byte)(2 + (n % 250))]);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = app.BaseAddress };
    }

    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(
        HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        var token = await JournalApp.AntiforgeryTokenAsync(client, "/register");
        var response = await client.PostAsync(path, Form([.. fields, ("__RequestVerificationToken", token)]));
        return (response, await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    private static Task<(HttpResponseMessage Response, IHtmlDocument Page)> EnterCodeAsync(HttpClient client, string code) =>
        PostAsync(client, "/register", ("code", code));

    private static Task<(HttpResponseMessage Response, IHtmlDocument Page)> RegisterAsync(HttpClient client, string code, string login) =>
        PostAsync(
            client, "/register/account",
            ("account.Code", code), ("account.LastName", "Новикова"), ("account.FirstName", "Анна"), ("account.MiddleName", "Сергеевна"),
            ("account.Login", login), ("account.Password", "Invite-Pass-2026"), ("account.ConfirmPassword", "Invite-Pass-2026"));

    private static string NewLogin(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    private async Task<Sql> Demo2SqlAsync() => await Sql.OpenAsync(app, await app.SchoolIdAsync("demo2"));

    private static async Task ExecuteAsync(Sql sql, string command, params (string Name, object Value)[] parameters)
    {
        await using var update = new NpgsqlCommand(command, sql.Connection);
        foreach (var (name, value) in parameters)
        {
            update.Parameters.AddWithValue(name, value);
        }

        await update.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_new_parent_registers_with_a_code_from_the_class_teachers_list_and_sees_only_their_child()
    {
        var (_, rows) = await CodesAsync();
        var child = rows[0];
        var other = rows[1];
        child.ParentCode.ShouldNotBeNull();
        child.ParentCode.ShouldMatch(@"^demo2-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$");
        child.ParentState.ShouldContain("действует до ");
        var client = FromOwnAddress();

        var (entered, choose) = await EnterCodeAsync(client, child.ParentCode.ToLowerInvariant());
        entered.StatusCode.ShouldBe(HttpStatusCode.OK);
        var surname = child.Name.Split(' ')[0];
        var initial = child.Name.Split(' ')[1][0];
        choose.QuerySelector(".invitation-purpose")!.TextContent.ShouldBe($"Код для: родитель ученика {surname} {initial}., 10А");
        choose.Body!.TextContent.ShouldNotContain(child.Name, customMessage: "only the surname and the initial");
        var (registered, _) = await RegisterAsync(client, child.ParentCode, NewLogin("invite-parent"));

        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        registered.Headers.Location!.PathAndQueryOrOriginal().ShouldBe("/s/demo2");
        var home = await client.GetAsync("/s/demo2/parent");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Parser.ParseDocumentAsync(await home.Content.ReadAsStringAsync());
        page.QuerySelectorAll("h2.card-title").Select(h => h.TextContent.Trim())
            .ShouldBe([$"{surname} {child.Name.Split(' ')[1]}"]);
        (await client.GetAsync($"/s/demo2/parent/forecast?pupil={other.PupilId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/s/demo2/parent/forecast?pupil={child.PupilId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var teacher = await app.SignInAsync(ClassTeacher);
        (await RowsAsync(teacher)).Single(r => r.PupilId == child.PupilId).ParentState.ShouldContain("использован ");
    }

    [Fact]
    public async Task A_code_works_once_and_the_second_registration_creates_nothing()
    {
        var (_, rows) = await CodesAsync();
        var code = rows[2].ParentCode!;
        var first = await RegisterAsync(FromOwnAddress(), code, NewLogin("invite-once"));
        first.Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var sql = await Demo2SqlAsync();
        var links = await sql.ScalarAsync<long>("SELECT count(*) FROM parent_links WHERE pupil_id = @p", ("p", rows[2].PupilId));

        var secondLogin = NewLogin("invite-twice");
        var (second, page) = await RegisterAsync(FromOwnAddress(), code, secondLogin);

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain(NotFoundMessage);
        (await sql.ScalarAsync<long>("SELECT count(*) FROM users WHERE user_name = @l", ("l", secondLogin))).ShouldBe(0);
        (await sql.ScalarAsync<long>("SELECT count(*) FROM parent_links WHERE pupil_id = @p", ("p", rows[2].PupilId))).ShouldBe(links);
    }

    [Fact]
    public async Task Expired_revoked_malformed_and_unknown_codes_get_one_and_the_same_answer()
    {
        var (teacher, rows) = await CodesAsync();
        var row = rows[3];
        await using var sql = await Demo2SqlAsync();
        await ExecuteAsync(
            sql, "UPDATE invitation_codes SET expires_at = now() - interval '1 day' WHERE code = @c", ("c", row.PupilCode!.ToUpperInvariant()));
        var token = await JournalApp.AntiforgeryTokenAsync(teacher, Page);
        var renewed = await teacher.PostAsync(
            $"{Page}/renew", Form(("pupil", row.PupilId.ToString()), ("role", "Parent"), ("__RequestVerificationToken", token)));
        renewed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var client = FromOwnAddress();

        foreach (var code in new[] { row.PupilCode!, row.ParentCode!, "demo2-AAAA-BBBB", "nosuchschool-K7M3-Q9XT", "demo-0000-1111", "хм" })
        {
            var (response, page) = await EnterCodeAsync(client, code);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, code);
            page.QuerySelector("[role=alert]")!.TextContent.Trim().ShouldBe(NotFoundMessage, code);
            page.Title.ShouldBe("Регистрация по коду — Журнал", code); // not even the school's name
        }

        (await RowsAsync(teacher)).Single(r => r.PupilId == row.PupilId).PupilState.ShouldContain("истёк");
    }

    [Fact]
    public async Task New_code_revokes_the_old_one_and_the_new_one_works()
    {
        var (teacher, rows) = await CodesAsync();
        var row = rows[4];
        var token = await JournalApp.AntiforgeryTokenAsync(teacher, Page);

        var renewed = await teacher.PostAsync(
            $"{Page}/renew", Form(("pupil", row.PupilId.ToString()), ("role", "Pupil"), ("__RequestVerificationToken", token)));

        renewed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var fresh = (await RowsAsync(teacher)).Single(r => r.PupilId == row.PupilId).PupilCode!;
        fresh.ShouldNotBe(row.PupilCode);
        await using var sql = await Demo2SqlAsync();
        (await sql.ScalarAsync<bool>("SELECT is_revoked FROM invitation_codes WHERE code = @c", ("c", row.PupilCode!.ToUpperInvariant()))).ShouldBeTrue();
        var client = FromOwnAddress();
        (await EnterCodeAsync(client, row.PupilCode!)).Page.QuerySelector("[role=alert]")!.TextContent.ShouldContain(NotFoundMessage);
        (await EnterCodeAsync(client, fresh)).Page.QuerySelector(".invitation-purpose")!.TextContent.ShouldStartWith("Код для: ученик ");
    }

    [Fact]
    public async Task An_existing_account_signs_in_and_gets_the_children_added()
    {
        var (_, rows) = await CodesAsync();
        var login = await app.CreateAccountAsync("invite-existing");
        var client = FromOwnAddress();

        foreach (var row in rows[5..7])
        {
            var (response, _) = await PostAsync(
                client, "/register/signin", ("signin.Code", row.ParentCode!), ("signin.Login", login), ("signin.Password", JournalApp.DemoPassword));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, row.Name);
            response.Headers.Location!.PathAndQueryOrOriginal().ShouldBe("/s/demo2");
        }

        await using var sql = await Demo2SqlAsync();
        (await sql.ScalarAsync<long>(
                "SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.user_name = @l", ("l", login)))
            .ShouldBe(1, "one membership in the school, with both children");
        var page = await Parser.ParseDocumentAsync(await client.GetStringAsync("/s/demo2/parent"));
        page.QuerySelectorAll("h2.card-title").Length.ShouldBe(2);
    }

    [Fact]
    public async Task A_wrong_password_on_the_sign_in_form_adds_nobody()
    {
        var (_, rows) = await CodesAsync();
        var login = await app.CreateAccountAsync("invite-wrong");

        var (response, page) = await PostAsync(
            FromOwnAddress(), "/register/signin", ("signin.Code", rows[7].ParentCode!), ("signin.Login", login), ("signin.Password", "nope-Nope-1"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain("Неверный логин или пароль.");
        await using var sql = await Demo2SqlAsync();
        (await sql.ScalarAsync<long>(
                "SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.user_name = @l", ("l", login)))
            .ShouldBe(0);
    }

    [Fact]
    public async Task An_incomplete_form_or_a_weak_password_is_answered_in_russian_and_the_code_stays_live()
    {
        var (_, rows) = await CodesAsync();
        var code = rows[10].ParentCode!;
        var client = FromOwnAddress();

        var (empty, emptyPage) = await PostAsync(client, "/register/account", ("account.Code", code));
        var (weak, weakPage) = await PostAsync(
            client, "/register/account",
            ("account.Code", code), ("account.LastName", "Орлова"), ("account.FirstName", "Вера"),
            ("account.Login", NewLogin("invite-weak")), ("account.Password", "password"), ("account.ConfirmPassword", "password"));

        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        emptyPage.QuerySelector("[role=alert]")!.TextContent.ShouldContain("Введите фамилию.");
        emptyPage.QuerySelector("[role=alert]")!.TextContent.ShouldContain("Придумайте логин.");
        weak.StatusCode.ShouldBe(HttpStatusCode.OK);
        weakPage.QuerySelector("[role=alert]")!.TextContent.ShouldContain("В пароле нужна хотя бы одна цифра.");
        (await EnterCodeAsync(client, code)).Page.QuerySelector(".invitation-purpose").ShouldNotBeNull("the code is still live");
    }

    [Fact]
    public async Task Two_registrations_racing_with_one_code_make_one_parent()
    {
        var (_, rows) = await CodesAsync();
        var row = rows[11];
        await using var sql = await Demo2SqlAsync();
        var links = await sql.ScalarAsync<long>("SELECT count(*) FROM parent_links WHERE pupil_id = @p", ("p", row.PupilId));
        var logins = new[] { NewLogin("invite-race"), NewLogin("invite-race") };

        var results = await Task.WhenAll(logins.Select(login => RegisterAsync(FromOwnAddress(), row.ParentCode!, login)));

        results.Count(r => r.Response.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
        var loser = results.Single(r => r.Response.StatusCode != HttpStatusCode.Redirect).Page;
        loser.QuerySelector("[role=alert]")!.TextContent.Trim().ShouldBe(NotFoundMessage);
        loser.Title.ShouldBe("Регистрация по коду — Журнал", "nothing of the school");
        (await sql.ScalarAsync<long>("SELECT count(*) FROM parent_links WHERE pupil_id = @p", ("p", row.PupilId))).ShouldBe(links + 1);
        (await sql.ScalarAsync<long>(
                "SELECT count(*) FROM users WHERE user_name = ANY(@l)", ("l", logins)))
            .ShouldBe(1, "the loser's account is rolled back with the rest");
    }

    [Fact]
    public async Task A_pupil_code_makes_the_pupil_a_student_once()
    {
        var (teacher, rows) = await CodesAsync();
        var row = rows[8];
        var client = FromOwnAddress();

        var (registered, _) = await RegisterAsync(client, row.PupilCode!, NewLogin("invite-pupil"));

        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/s/demo2/student")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var sql = await Demo2SqlAsync();
        (await sql.ScalarAsync<Guid?>("SELECT membership_id FROM pupils WHERE id = @p", ("p", row.PupilId))).ShouldNotBeNull();
        (await RowsAsync(teacher)).Single(r => r.PupilId == row.PupilId).PupilState.ShouldBe("зарегистрирован");
        var token = await JournalApp.AntiforgeryTokenAsync(teacher, Page);
        (await teacher.PostAsync(
                $"{Page}/renew", Form(("pupil", row.PupilId.ToString()), ("role", "Pupil"), ("__RequestVerificationToken", token))))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "a registered pupil gets no new pupil code");
    }

    [Fact]
    public async Task Too_many_attempts_from_one_address_answer_429_in_russian()
    {
        var client = FromOwnAddress();
        var token = await JournalApp.AntiforgeryTokenAsync(client, "/register");

        for (var i = 0; i < 10; i++)
        {
            var response = await client.PostAsync("/register", Form(("code", $"demo2-AAAA-{i:0000}"), ("__RequestVerificationToken", token)));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {i + 1}");
        }

        var refused = await client.PostAsync("/register", Form(("code", "demo2-AAAA-BBBB"), ("__RequestVerificationToken", token)));
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Слишком много попыток");
        (await FromOwnAddress().GetAsync("/register")).StatusCode.ShouldBe(HttpStatusCode.OK, "another address is not held back");
    }

    [Fact]
    public async Task Other_class_teachers_get_404_and_other_roles_are_forbidden()
    {
        var (_, rows) = await CodesAsync();
        Guid classId;
        await using (var sql = await Demo2SqlAsync())
        {
            classId = await sql.ScalarAsync<Guid>("SELECT c.id FROM classes c WHERE c.grade = 10 AND c.letter = 'А'");
        }


        (await (await app.SignInAsync("classteacher@demo")).GetAsync(Page)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var otherClassTeacher = await app.SignInAsync("classteacher@demo2"); // leads 7А
        (await otherClassTeacher.GetAsync($"{Page}?class={classId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherClassTeacher.GetAsync($"{Page}/print?class={classId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var token = await JournalApp.AntiforgeryTokenAsync(otherClassTeacher, Page);
        (await otherClassTeacher.PostAsync(
                $"{Page}/renew", Form(("pupil", rows[0].PupilId.ToString()), ("role", "Parent"), ("__RequestVerificationToken", token))))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var login in new[] { "teacher@demo2", "parent@demo2", "student@demo2", "admin@demo2" })
        {
            var response = await (await app.SignInAsync(login)).GetAsync(Page);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, login);
            response.Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/forbidden", customMessage: login);
        }
    }

    [Fact]
    public async Task Print_view_has_one_slip_per_pupil_with_only_that_pupils_codes()
    {
        var (teacher, rows) = await CodesAsync();

        var page = await Parser.ParseDocumentAsync(await teacher.GetStringAsync($"{Page}/print"));

        var slips = page.QuerySelectorAll(".invitation-slip");
        slips.Length.ShouldBeGreaterThan(0);
        foreach (var slip in slips)
        {
            var text = slip.TextContent;
            text.ShouldContain("/register");
            var codes = slip.QuerySelectorAll("code").Select(c => c.TextContent).ToList();
            var owners = rows.Where(r => codes.Contains(r.PupilCode ?? "-") || codes.Contains(r.ParentCode ?? "-")).ToList();
            owners.Count.ShouldBe(1, text);
            rows.Where(r => r != owners[0]).ShouldAllBe(r => !text.Contains(r.Name.Split(' ')[0] + " " + r.Name.Split(' ')[1][0] + "."));
        }
    }

    [Fact]
    public async Task A_parent_registers_through_the_form_in_a_browser_and_lands_on_their_child()
    {
        var (_, rows) = await CodesAsync();
        var row = rows[9];
        var (playwright, browser) = await BrowserTests.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 900 }, Locale = "ru-RU" });

        await page.GotoAsync(new Uri(app.BaseAddress, "/login").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Есть код приглашения?" }).ClickAsync();
        await page.GetByLabel("Код приглашения").FillAsync(row.ParentCode!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Продолжить" }).ClickAsync();
        await page.GetByLabel("Фамилия").FillAsync("Павлов");
        await page.GetByLabel("Имя", new() { Exact = true }).FillAsync("Игорь");
        await page.GetByLabel("Придумайте логин").FillAsync(NewLogin("invite-browser"));
        await page.GetByLabel("Придумайте пароль").FillAsync("Invite-Pass-2026");
        await page.GetByLabel("Пароль ещё раз").FillAsync("Invite-Pass-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Зарегистрироваться" }).ClickAsync();
        await page.WaitForURLAsync("**/s/demo2/parent");

        (await page.GetByRole(AriaRole.Heading, new() { Name = "Мои дети" }).IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("h2.card-title").AllInnerTextsAsync()).ShouldBe([string.Join(' ', row.Name.Split(' ')[..2])]);
    }
}
