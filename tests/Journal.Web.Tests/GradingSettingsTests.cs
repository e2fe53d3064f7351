using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Journal.Web.Tests.Infrastructure;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>
/// GRD-2, GRD-3, DL-3, LCK-1: the Admin's grading settings page. Saving tests write to «demo2» and put its settings
/// back afterwards: other tests rely on «demo» keeping the defaults, and none reads demo2's grading settings.
/// </summary>
public sealed class GradingSettingsTests(JournalApp app)
{
    private const string Page = "/s/demo2/admin/settings";

    private static readonly HtmlParser Parser = new();

    /// <summary>What demo2 stores: the school's settings and the subjects requiring a control work.</summary>
    private sealed record Stored(
        decimal Five, decimal Four, decimal Three, int Quarter, int Trimester, int HalfYear, int Window, int Due,
        int LockDays, int PeriodLockDays, TimeOnly Deadline, bool AllowMarkOne, string ControlWork);

    private async Task<Stored> StoredAsync()
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo2"));
        await using var command = new Npgsql.NpgsqlCommand(
            """
            SELECT threshold_five, threshold_four, threshold_three, minimum_marks_quarter, minimum_marks_trimester,
                   minimum_marks_half_year, period_mark_window_days, period_mark_due_days, lock_days, period_mark_lock_days,
                   entry_deadline, allow_mark_one,
                   (SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '') FROM subjects WHERE requires_control_work)
            FROM schools WHERE slug = 'demo2'
            """,
            sql.Connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        return new Stored(
            reader.GetDecimal(0), reader.GetDecimal(1), reader.GetDecimal(2), reader.GetInt32(3), reader.GetInt32(4),
            reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8), reader.GetInt32(9),
            reader.GetFieldValue<TimeOnly>(10), reader.GetBoolean(11), reader.GetString(12));
    }

    private async Task RestoreAsync(Stored s)
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo2"));
        await sql.ScalarAsync<int>(
            """
            UPDATE schools SET threshold_five = @five, threshold_four = @four, threshold_three = @three,
                minimum_marks_quarter = @quarter, minimum_marks_trimester = @trimester, minimum_marks_half_year = @half,
                period_mark_window_days = @window, period_mark_due_days = @due, lock_days = @lock,
                period_mark_lock_days = @periodLock, entry_deadline = @deadline, allow_mark_one = @one
            WHERE slug = 'demo2';
            UPDATE subjects SET requires_control_work = (id::text = ANY(string_to_array(@control, ',')));
            """,
            ("five", s.Five), ("four", s.Four), ("three", s.Three), ("quarter", s.Quarter), ("trimester", s.Trimester),
            ("half", s.HalfYear), ("window", s.Window), ("due", s.Due), ("lock", s.LockDays), ("periodLock", s.PeriodLockDays),
            ("deadline", s.Deadline), ("one", s.AllowMarkOne), ("control", s.ControlWork));
    }

    /// <summary>Two of demo2's subjects, by name, to tick.</summary>
    private async Task<List<Guid>> TwoSubjectsAsync()
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo2"));
        return await sql.ColumnAsync<Guid>("SELECT id FROM subjects WHERE NOT is_pass_fail ORDER BY name LIMIT 2");
    }

    /// <summary>A valid form that differs from the defaults in every field.</summary>
    private static List<KeyValuePair<string, string>> ValidForm(IEnumerable<Guid> controlWork)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("ThresholdFive", "4,70"),
            new("ThresholdFour", "3.6"),
            new("ThresholdThree", "2,6"),
            new("MinimumMarksQuarter", "4"),
            new("MinimumMarksTrimester", "5"),
            new("MinimumMarksHalfYear", "8"),
            new("PeriodMarkWindowDays", "10"),
            new("PeriodMarkDueDaysBeforeEnd", "3"),
            new("LockDays", "20"),
            new("PeriodMarkLockDays", "21"),
            new("EntryDeadline", "18:00"),
            new("AllowMarkOne", "true"),
        };
        form.AddRange(controlWork.Select(id => new KeyValuePair<string, string>("ControlWorkSubjects", id.ToString())));
        return form;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, List<KeyValuePair<string, string>> form, string tokenFrom)
    {
        form.Add(new("__RequestVerificationToken", await JournalApp.AntiforgeryTokenAsync(client, tokenFrom)));
        return await client.PostAsync(page, new FormUrlEncodedContent(form));
    }

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    private static string InputValue(IHtmlDocument page, string name) =>
        page.QuerySelector($"input[name='{name}']")!.GetAttribute("value") ?? "";

    [Fact]
    public async Task Admin_saves_the_settings_and_the_next_request_reads_them()
    {
        var before = await StoredAsync();
        var subjects = await TwoSubjectsAsync();
        var client = await app.SignInAsync("admin@demo2");
        try
        {
            var response = await PostAsync(client, Page, ValidForm(subjects), Page);

            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.PathAndQueryOrOriginal().ShouldBe(Page);
            var stored = await StoredAsync();
            stored.ShouldBe(new Stored(
                4.70m, 3.60m, 2.60m, 4, 5, 8, 10, 3, 20, 21, new TimeOnly(18, 0), true,
                string.Join(',', subjects.Select(s => s.ToString()).Order(StringComparer.Ordinal))));

            // The page after the redirect is filled from the tenant's settings of that new request.
            var page = await ParseAsync(await client.GetAsync(Page));
            page.QuerySelector("[role=status]")!.TextContent.ShouldBe("Настройки сохранены.");
            InputValue(page, "ThresholdFive").ShouldBe("4,70");
            InputValue(page, "ThresholdFour").ShouldBe("3,60");
            InputValue(page, "LockDays").ShouldBe("20");
            InputValue(page, "EntryDeadline").ShouldBe("18:00");
            ((IHtmlInputElement)page.QuerySelector("#f-AllowMarkOne")!).IsChecked.ShouldBeTrue();
            page.QuerySelectorAll("input[name=ControlWorkSubjects]:checked").Select(i => Guid.Parse(((IHtmlInputElement)i).Value))
                .ShouldBe(subjects, ignoreOrder: true);
            // The message is shown once: a reload does not repeat it.
            (await ParseAsync(await client.GetAsync(Page))).QuerySelector("[role=status]").ShouldBeNull();

            // An unticked box turns off: «1» again not allowed, the first subject no longer requires a control work.
            var second = ValidForm([subjects[1]]).Where(f => f.Key != "AllowMarkOne").ToList();
            (await PostAsync(client, Page, second, Page)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var after = await StoredAsync();
            after.AllowMarkOne.ShouldBeFalse();
            after.ControlWork.ShouldBe(subjects[1].ToString());
        }
        finally
        {
            await RestoreAsync(before);
        }
    }

    [Theory]
    [InlineData("ThresholdFive", "5,5", "Граница «5» — от 1,00 до 5,00.")]
    [InlineData("ThresholdFive", "0.99", "Граница «5» — от 1,00 до 5,00.")]
    [InlineData("ThresholdFive", "4,555", "Граница «5» — не больше двух знаков после запятой.")]
    [InlineData("ThresholdFive", "", "Укажите наименьший средний балл для «5».")]
    [InlineData("ThresholdFour", "4,70", "Граница «4» должна быть меньше границы «5».")]
    [InlineData("ThresholdFour", "4,9", "Граница «4» должна быть меньше границы «5».")]
    [InlineData("ThresholdThree", "3.60", "Граница «3» должна быть меньше границы «4».")]
    [InlineData("ThresholdThree", "два с половиной", "Граница «3» — число, например 4,50.")]
    [InlineData("MinimumMarksQuarter", "0", "Минимум отметок за четверть — целое число от 1 до 30.")]
    [InlineData("MinimumMarksHalfYear", "шесть", "Минимум отметок за полугодие — целое число от 1 до 30.")]
    [InlineData("MinimumMarksTrimester", "3,5", "Минимум отметок за триместр — целое число от 1 до 30.")]
    [InlineData("PeriodMarkWindowDays", "31", "Окно выставления отметок за период — целое число от 1 до 30.")]
    [InlineData("PeriodMarkDueDaysBeforeEnd", "11", "Срок до конца периода не может быть больше окна: от 0 до 10 дн.")]
    [InlineData("LockDays", "61", "Блокировка текущих отметок — целое число от 1 до 60.")]
    [InlineData("PeriodMarkLockDays", "0", "Блокировка отметок за период — целое число от 1 до 60.")]
    [InlineData("EntryDeadline", "25:00", "Время укажите как ЧЧ:ММ, например 20:00.")]
    public async Task Bad_input_gets_a_russian_message_next_to_its_field_and_changes_nothing(string field, string value, string message)
    {
        var before = await StoredAsync();
        var client = await app.SignInAsync("admin@demo2");
        try
        {
            // Every other field is valid and differs from what is stored: a partial save would show.
            var form = ValidForm(await TwoSubjectsAsync()).Select(f => f.Key == field ? new(field, value) : f).ToList();

            var response = await PostAsync(client, Page, form, Page);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await ParseAsync(response);
            page.QuerySelector("[role=alert]")!.TextContent.ShouldBe("Настройки не сохранены: исправьте отмеченные поля.");
            page.QuerySelectorAll(".invalid-feedback").Select(e => e.TextContent).ShouldBe([message]);
            var input = page.QuerySelector($"#f-{field}")!;
            page.GetElementById($"f-{field}-error")!.TextContent.ShouldBe(message);
            input.GetAttribute("aria-describedby")!.ShouldContain($"f-{field}-error");
            input.GetAttribute("aria-invalid").ShouldBe("true");
            InputValue(page, field).ShouldBe(value, "the form keeps what was typed");
            (await StoredAsync()).ShouldBe(before);
        }
        finally
        {
            await RestoreAsync(before);
        }
    }

    [Fact]
    public async Task Every_field_has_a_label_and_a_hint_with_the_default()
    {
        var client = await app.SignInAsync("admin@demo");

        var page = await ParseAsync(await client.GetAsync("/s/demo/admin/settings"));

        page.QuerySelector("h1")!.TextContent.ShouldBe("Настройки оценивания");
        page.QuerySelectorAll("legend").Select(l => l.TextContent).ShouldBe(
            ["Границы отметок", "Минимум отметок", "Сроки", "Предметы с обязательной контрольной работой"]);
        var inputs = page.QuerySelectorAll("form[action='/s/demo/admin/settings'] input:not([type=hidden])");
        inputs.Length.ShouldBeGreaterThan(12);
        foreach (var input in inputs)
        {
            page.QuerySelectorAll($"label[for='{input.Id}']").Length.ShouldBe(1, input.Id);
        }

        // demo keeps the SPEC's defaults, shown as a Russian user types them.
        InputValue(page, "ThresholdFive").ShouldBe("4,50");
        InputValue(page, "ThresholdFour").ShouldBe("3,50");
        InputValue(page, "ThresholdThree").ShouldBe("2,50");
        InputValue(page, "LockDays").ShouldBe("14");
        InputValue(page, "EntryDeadline").ShouldBe("20:00");
        page.GetElementById("f-ThresholdFive-hint")!.TextContent.ShouldBe("По умолчанию 4,50.");
        page.GetElementById("f-MinimumMarksHalfYear-hint")!.TextContent.ShouldContain("по умолчанию 6");
        page.GetElementById("f-PeriodMarkWindowDays-hint")!.TextContent.ShouldContain("по умолчанию 7");
        page.GetElementById("f-PeriodMarkDueDaysBeforeEnd-hint")!.TextContent.ShouldContain("по умолчанию 2");
        page.GetElementById("f-LockDays-hint")!.TextContent.ShouldContain("по умолчанию 14");
        page.GetElementById("f-PeriodMarkLockDays-hint")!.TextContent.ShouldContain("по умолчанию 14");
        page.QuerySelector("label[for='f-AllowMarkOne']")!.TextContent.ShouldBe("Разрешить отметку «1»");
        page.QuerySelectorAll("input[name=ControlWorkSubjects]").Length.ShouldBeGreaterThan(5);

        var home = await ParseAsync(await client.GetAsync("/s/demo/admin"));
        home.QuerySelector("a[href='/s/demo/admin/settings']")!.TextContent.ShouldBe("Настройки оценивания");
    }

    [Theory]
    [InlineData("deputy@demo2", "/s/demo2/deputy")]
    [InlineData("teacher@demo2", "/s/demo2/teacher")]
    [InlineData("classteacher@demo2", "/s/demo2/classteacher")]
    [InlineData("student@demo2", "/s/demo2/student")]
    [InlineData("parent@demo2", "/s/demo2/parent")]
    public async Task Only_the_admin_reaches_the_settings(string login, string home)
    {
        var before = await StoredAsync();
        var client = await app.SignInAsync(login);
        try
        {
            var get = await client.GetAsync(Page);
            get.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            get.Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/forbidden");

            var post = await PostAsync(client, Page, ValidForm(await TwoSubjectsAsync()), home);
            post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            post.Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/forbidden");
            (await StoredAsync()).ShouldBe(before);
        }
        finally
        {
            await RestoreAsync(before);
        }
    }

    [Fact]
    public async Task Another_schools_admin_gets_404_and_changes_nothing()
    {
        var before = await StoredAsync();
        var client = await app.SignInAsync("admin@demo");
        try
        {
            (await client.GetAsync(Page)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var post = await PostAsync(client, Page, ValidForm(await TwoSubjectsAsync()), "/s/demo/admin");
            post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await StoredAsync()).ShouldBe(before);
        }
        finally
        {
            await RestoreAsync(before);
        }
    }

    [Fact]
    public async Task A_save_without_the_antiforgery_token_is_refused()
    {
        var before = await StoredAsync();
        var client = await app.SignInAsync("admin@demo2");
        try
        {
            var response = await client.PostAsync(Page, new FormUrlEncodedContent(ValidForm(await TwoSubjectsAsync())));

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await StoredAsync()).ShouldBe(before);
        }
        finally
        {
            await RestoreAsync(before);
        }
    }
}
