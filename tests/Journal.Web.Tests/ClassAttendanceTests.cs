using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Journal.Domain;
using Journal.Domain.Schools;
using Journal.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>
/// JRN-5, seed 000 §4.5: the class teacher's week of attendance and the correction of reasons (Н → Б
/// after a medical note), with the lock (LCK-1) and the history (LCK-3).
/// </summary>
public sealed class ClassAttendanceTests(JournalApp app)
{
    private const string Base = "/s/demo/classteacher/attendance";

    [Fact]
    public async Task The_week_shows_each_absence_with_lesson_number_code_and_subject_and_the_pupils_totals()
    {
        await using var demo = await DemoAsync();
        var pupil = await demo.PupilAsync(1);
        var day = await demo.RecentDayAsync(0);
        var lessons = await demo.LessonsAsync(day);
        await demo.ClearWeekAsync(pupil.Id, day);
        await demo.AbsenceAsync(lessons[0].Id, pupil.Id, "Absent");
        await demo.AbsenceAsync(lessons[1].Id, pupil.Id, "ValidReason");
        var otherDay = await demo.RecentDayAsync(1);
        var late = otherDay >= SchoolClock.WeekStart(day) ? (await demo.LessonsAsync(otherDay))[0] : lessons[2];
        await demo.AbsenceAsync(late.Id, pupil.Id, "Late");
        var client = await app.SignInAsync("classteacher@demo");

        var page = await ParseAsync(await client.GetStringAsync($"{Base}?week={Iso(day)}"));

        page.QuerySelector("h1")!.TextContent.ShouldContain($"Посещаемость 5А: неделя {SchoolClock.WeekStart(day):dd.MM}");
        var row = PupilRow(page, pupil.Name);
        var cell = row.QuerySelectorAll("td.att-cell")[DayIndex(day)];
        var text = Normalize(cell.TextContent);
        text.ShouldContain($"{lessons[0].Number} ур. Н ({lessons[0].Subject})");
        text.ShouldContain($"{lessons[1].Number} ур. У ({lessons[1].Subject})");
        cell.QuerySelectorAll(".att").ShouldContain(a => a.GetAttribute("title")!.Contains(lessons[0].Subject, StringComparison.Ordinal));
        string.Join("|", Totals(row)).ShouldBe("2|1|1"); // missed (Н, У), of them valid (У), late (ОП)
    }

    [Fact]
    public async Task Class_totals_count_every_lesson_of_the_class_and_departed_pupils_only_while_enrolled()
    {
        await using var demo = await DemoAsync();
        var departure = await demo.Sql.ScalarAsync<DateOnly>(
            "SELECT max(to_date) FROM enrolments WHERE class_id = @c AND to_date IS NOT NULL", ("c", demo.ClassId));
        var leaverParts = (await demo.Sql.ScalarAsync<string>(
            """
            SELECT p.last_name || '|' || p.first_name || '|' || coalesce(p.middle_name, '') FROM enrolments e
            JOIN pupils p ON p.id = e.pupil_id WHERE e.class_id = @c AND e.to_date = @d LIMIT 1
            """,
            ("c", demo.ClassId), ("d", departure))).Split('|');
        var leaver = PersonName.Full(leaverParts[0], leaverParts[1], leaverParts[2]);
        var client = await app.SignInAsync("classteacher@demo");

        // A locked week (nobody can change it through the application any more): the totals are stable.
        var monday = SchoolClock.WeekStart(departure);
        var page = await ParseAsync(await client.GetStringAsync($"{Base}?class={demo.ClassId}&week={Iso(departure)}"));
        var counts = await demo.Sql.ScalarAsync<string>(
            """
            SELECT count(*) FILTER (WHERE ab.kind <> 'Late') || '|' || count(*) FILTER (WHERE ab.kind IN ('Ill', 'ValidReason'))
                   || '|' || count(*) FILTER (WHERE ab.kind = 'Late')
            FROM absences ab JOIN lessons l ON l.id = ab.lesson_id JOIN teaching_assignments a ON a.id = l.assignment_id
            WHERE a.class_id = @c AND l.date BETWEEN @from AND @to
            """,
            ("c", demo.ClassId), ("from", monday), ("to", monday.AddDays(5)));

        string.Join("|", page.QuerySelectorAll("tfoot td.total-col").Select(td => td.TextContent.Trim())).ShouldBe(counts);
        counts.ShouldNotStartWith("0|", customMessage: "the demo has absences in every week");
        var rows = page.QuerySelectorAll("tbody tr");
        rows.Select(r => int.Parse(Totals(r)[0], CultureInfo.InvariantCulture)).Sum().ShouldBe(int.Parse(counts.Split('|')[0], CultureInfo.InvariantCulture));
        var leaverRow = PupilRow(page, leaver);
        if (departure < monday.AddDays(5))
        {
            leaverRow.TextContent.ShouldContain($"выбыл(а) {departure:dd.MM}");
            leaverRow.QuerySelectorAll("td.att-cell")[DayIndex(departure) + 1].ClassList.ShouldContain("cell-out");
        }

        var later = await ParseAsync(await client.GetStringAsync($"{Base}?week={Iso(monday.AddDays(7))}"));
        later.QuerySelectorAll("tbody th[scope=row]").Select(th => th.TextContent).ShouldNotContain(t => t.Contains(leaver, StringComparison.Ordinal));
        later.QuerySelectorAll("tbody tr").Length.ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task Correcting_one_absence_from_n_to_b_changes_it_writes_history_and_the_deputy_sees_it()
    {
        await using var demo = await DemoAsync();
        var pupil = await demo.PupilAsync(2);
        var day = await demo.RecentDayAsync(0);
        var lesson = (await demo.LessonsAsync(day))[0];
        var absence = await demo.AbsenceAsync(lesson.Id, pupil.Id, "Absent");
        var historyBefore = await demo.HistoryCountAsync(lesson.Id, pupil.Id);
        var client = await app.SignInAsync("classteacher@demo");
        var week = await ParseAsync(await client.GetStringAsync($"{Base}?week={Iso(day)}"));
        var pupilPage = PupilRow(week, pupil.Name).QuerySelector("a")!.GetAttribute("href")!;
        var form = await ParseAsync(await client.GetStringAsync(pupilPage));
        var select = form.QuerySelector($"select#kind-{absence}")!;
        form.QuerySelector($"label[for=kind-{absence}]")!.TextContent.ShouldContain(lesson.Subject);
        select.QuerySelector("option[selected]")!.GetAttribute("value").ShouldBe("н");

        var response = await PostAsync(client, pupilPage, $"/s/demo/classteacher/attendance/pupil/{pupil.Id}", new()
        {
            ["Class"] = demo.ClassId.ToString(),
            ["Week"] = Iso(day),
            ["Items[0].AbsenceId"] = absence.ToString(),
            ["Items[0].Kind"] = "б",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await demo.AbsenceStateAsync(absence)).ShouldBe($"Ill|{demo.ClassTeacherId}");
        (await demo.HistoryCountAsync(lesson.Id, pupil.Id)).ShouldBe(historyBefore + 1);
        (await demo.Sql.ScalarAsync<string>(
                """
                SELECT target || '|' || old_value || '|' || new_value || '|' || ground || '|' || author_id || '|' || is_late
                FROM journal_changes WHERE lesson_id = @l AND pupil_id = @p ORDER BY at DESC LIMIT 1
                """,
                ("l", lesson.Id), ("p", pupil.Id)))
            .ShouldBe($"Absence|н|б|Entry|{demo.ClassTeacherId}|false");
        var after = await ParseAsync(await client.GetStringAsync(response.Headers.Location!.PathAndQueryOrOriginal()));
        after.QuerySelector("[role=status]")!.TextContent.ShouldContain("Исправлено: 1 пропуск.");

        var signature = await demo.ClassTeacherSignatureAsync();
        var deputy = await app.SignInAsync("deputy@demo");
        var changes = await ParseAsync(await deputy.GetStringAsync(
            $"/s/demo/deputy/changes?class={demo.ClassId}&period={await demo.PeriodOfAsync(day)}"));
        changes.QuerySelectorAll("table.changes-table tbody tr")
            .Select(r => string.Join("|", r.Children.Select(c => c.TextContent.Trim())))
            .ShouldContain(r => r.Contains($"|{lesson.Subject}|{pupil.LastFirst}|посещаемость|н|б|{signature}|запись учителя", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_medical_note_for_several_days_turns_every_absence_into_b_and_leaves_lateness()
    {
        await using var demo = await DemoAsync();
        var pupil = await demo.PupilAsync(3);
        var first = await demo.RecentDayAsync(1);
        var last = await demo.RecentDayAsync(0);
        var firstLessons = await demo.LessonsAsync(first);
        var lastLessons = await demo.LessonsAsync(last);
        var absences = new[]
        {
            await demo.AbsenceAsync(firstLessons[0].Id, pupil.Id, "Absent"),
            await demo.AbsenceAsync(firstLessons[1].Id, pupil.Id, "Absent"),
            await demo.AbsenceAsync(lastLessons[1].Id, pupil.Id, "ValidReason"),
        };
        var late = await demo.AbsenceAsync(lastLessons[0].Id, pupil.Id, "Late");
        var client = await app.SignInAsync("classteacher@demo");

        var response = await PostAsync(client, Base, $"{Base}/period", new()
        {
            ["Class"] = demo.ClassId.ToString(),
            ["Pupil"] = pupil.Id.ToString(),
            ["From"] = Iso(first),
            ["To"] = Iso(last),
            ["Kind"] = "б",
            ["Week"] = Iso(last),
            ["Back"] = "week",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith($"{Base}?class={demo.ClassId}&week=");
        foreach (var absence in absences)
        {
            (await demo.AbsenceStateAsync(absence)).ShouldStartWith("Ill|");
        }

        (await demo.AbsenceStateAsync(late)).ShouldStartWith("Late|");
        var rows = await demo.Sql.ScalarAsync<long>(
            "SELECT count(*) FROM journal_changes WHERE pupil_id = @p AND author_id = @a AND new_value = 'б' AND at > now() - interval '1 minute'",
            ("p", pupil.Id), ("a", demo.ClassTeacherId));
        rows.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task An_absence_older_than_the_lock_is_refused_with_the_message_and_unchanged()
    {
        await using var demo = await DemoAsync();
        var pupil = await demo.PupilAsync(4);
        var old = await demo.Sql.ScalarAsync<DateOnly>(
            """
            SELECT max(l.date) FROM lessons l JOIN teaching_assignments a ON a.id = l.assignment_id
            WHERE a.class_id = @c AND a.subgroup_id IS NULL AND l.date < @d
            """,
            ("c", demo.ClassId), ("d", demo.Today.AddDays(-15)));
        var lesson = (await demo.LessonsAsync(old))[0];
        var absence = await demo.AbsenceAsync(lesson.Id, pupil.Id, "Absent");
        var history = await demo.HistoryCountAsync(lesson.Id, pupil.Id);
        var client = await app.SignInAsync("classteacher@demo");
        var pupilPage = $"{Base}/pupil/{pupil.Id}?class={demo.ClassId}&week={Iso(old)}";

        var shown = await ParseAsync(await client.GetStringAsync(pupilPage));
        var single = await PostAsync(client, pupilPage, $"{Base}/pupil/{pupil.Id}", new()
        {
            ["Class"] = demo.ClassId.ToString(),
            ["Week"] = Iso(old),
            ["Items[0].AbsenceId"] = absence.ToString(),
            ["Items[0].Kind"] = "б",
        });
        var period = await PostAsync(client, pupilPage, $"{Base}/period", new()
        {
            ["Class"] = demo.ClassId.ToString(),
            ["Pupil"] = pupil.Id.ToString(),
            ["From"] = old.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            ["To"] = Iso(demo.Today),
            ["Kind"] = "у",
            ["Week"] = Iso(old),
            ["Back"] = "pupil",
        });

        shown.QuerySelector($"select#kind-{absence}").ShouldBeNull();
        shown.QuerySelector("table.attendance-list")!.TextContent.ShouldContain("закрыто для изменений");
        single.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await single.Content.ReadAsStringAsync()).ShouldContain($"Урок {old:dd.MM.yyyy}: прошло больше 14 дн., журнал закрыт для изменений.");
        period.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await period.Content.ReadAsStringAsync()).ShouldContain("журнал закрыт для изменений");
        (await demo.AbsenceStateAsync(absence)).ShouldStartWith("Absent|");
        (await demo.HistoryCountAsync(lesson.Id, pupil.Id)).ShouldBe(history);
    }

    [Fact]
    public async Task Another_classes_or_another_schools_absence_is_not_found_and_unchanged()
    {
        await using var demo = await DemoAsync();
        var pupil = await demo.PupilAsync(5);
        var day = await demo.RecentDayAsync(0);
        var otherClass = await demo.Sql.ScalarAsync<Guid>("SELECT id FROM classes WHERE grade = 5 AND letter = 'Б'");
        var otherPupil = await demo.Sql.ScalarAsync<Guid>(
            """
            SELECT pupil_id FROM enrolments WHERE class_id = @c AND to_date IS NULL
              AND pupil_id NOT IN (SELECT pupil_id FROM enrolments WHERE class_id = @a) -- never in 5А (one moves 5А → 5Б)
            ORDER BY pupil_id LIMIT 1
            """,
            ("c", otherClass), ("a", demo.ClassId));
        var otherLesson = await demo.Sql.ScalarAsync<Guid>(
            """
            SELECT l.id FROM lessons l JOIN teaching_assignments a ON a.id = l.assignment_id
            WHERE a.class_id = @c AND a.subgroup_id IS NULL AND l.date = (SELECT max(l2.date) FROM lessons l2
              JOIN teaching_assignments a2 ON a2.id = l2.assignment_id WHERE a2.class_id = @c AND l2.date < @d)
            ORDER BY l.lesson_number LIMIT 1
            """,
            ("c", otherClass), ("d", demo.Today));
        var otherAbsence = await demo.AbsenceAsync(otherLesson, otherPupil, "Absent");
        await using var demo2 = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo2"));
        var foreignAbsence = await demo2.ScalarAsync<Guid>("SELECT id FROM absences WHERE kind = 'Absent' LIMIT 1");
        var foreignClass = await demo2.ScalarAsync<Guid>("SELECT id FROM classes LIMIT 1");
        var client = await app.SignInAsync("classteacher@demo");
        Dictionary<string, string> Fields(Guid classId, Guid absence) => new()
        {
            ["Class"] = classId.ToString(),
            ["Week"] = Iso(day),
            ["Items[0].AbsenceId"] = absence.ToString(),
            ["Items[0].Kind"] = "б",
        };

        var asOwnPupil = await PostAsync(client, Base, $"{Base}/pupil/{pupil.Id}", Fields(demo.ClassId, otherAbsence));
        var asOtherClass = await PostAsync(client, Base, $"{Base}/pupil/{otherPupil}", Fields(otherClass, otherAbsence));
        var foreign = await PostAsync(client, Base, $"{Base}/pupil/{pupil.Id}", Fields(demo.ClassId, foreignAbsence));
        var period = await PostAsync(client, Base, $"{Base}/period", new()
        {
            ["Class"] = otherClass.ToString(),
            ["Pupil"] = otherPupil.ToString(),
            ["From"] = Iso(day.AddDays(-3)),
            ["To"] = Iso(day),
            ["Kind"] = "б",
            ["Week"] = Iso(day),
        });

        asOwnPupil.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        asOtherClass.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        period.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await demo.AbsenceStateAsync(otherAbsence)).ShouldStartWith("Absent|");
        (await demo2.ScalarAsync<string>("SELECT kind FROM absences WHERE id = @id", ("id", foreignAbsence))).ShouldBe("Absent");
        (await client.GetAsync($"{Base}?class={otherClass}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"{Base}?class={foreignClass}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"{Base}/pupil/{otherPupil}?class={otherClass}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"{Base}/pupil/{otherPupil}?class={demo.ClassId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("teacher@demo")]
    [InlineData("parent@demo")]
    [InlineData("student@demo")]
    [InlineData("deputy@demo")]
    public async Task A_user_who_leads_no_class_is_forbidden(string login)
    {
        await using var demo = await DemoAsync();
        var pupil = await demo.PupilAsync(1);
        var client = await app.SignInAsync(login);

        foreach (var page in new[] { Base, $"{Base}?class={demo.ClassId}", $"{Base}/pupil/{pupil.Id}?class={demo.ClassId}" })
        {
            var response = await client.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
            response.Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/forbidden", customMessage: page);
        }
    }

    [Fact]
    public async Task Another_schools_class_teacher_gets_404_for_this_schools_class()
    {
        await using var demo = await DemoAsync();
        var pupil = await demo.PupilAsync(1);
        var client = await app.SignInAsync("classteacher@demo2");

        (await client.GetAsync($"{Base}?class={demo.ClassId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/s/demo2/classteacher/attendance?class={demo.ClassId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/s/demo2/classteacher/attendance/pupil/{pupil.Id}?class={demo.ClassId}"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var own = await client.GetAsync("/s/demo2/classteacher/attendance");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.Content.ReadAsStringAsync()).ShouldNotContain(pupil.Name);
    }

    [Theory]
    [InlineData("x", "«x» — не отметка посещаемости: Отметка посещаемости — Н, Б, У или ОП.")]
    [InlineData("", "не отметка посещаемости")]
    [InlineData("5", "не отметка посещаемости")]
    public async Task A_bad_kind_is_refused_in_russian_and_changes_nothing(string kind, string message)
    {
        await using var demo = await DemoAsync();
        var pupil = await demo.PupilAsync(6);
        var day = await demo.RecentDayAsync(0);
        var lesson = (await demo.LessonsAsync(day))[0];
        var absence = await demo.AbsenceAsync(lesson.Id, pupil.Id, "Absent");
        var history = await demo.HistoryCountAsync(lesson.Id, pupil.Id);
        var client = await app.SignInAsync("classteacher@demo");

        var response = await PostAsync(client, Base, $"{Base}/pupil/{pupil.Id}", new()
        {
            ["Class"] = demo.ClassId.ToString(),
            ["Week"] = Iso(day),
            ["Items[0].AbsenceId"] = absence.ToString(),
            ["Items[0].Kind"] = kind,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain(message);
        (await demo.AbsenceStateAsync(absence)).ShouldStartWith("Absent|");
        (await demo.HistoryCountAsync(lesson.Id, pupil.Id)).ShouldBe(history);
    }

    [Theory]
    [InlineData("2026-13-01", "TODAY", "б", "Дата «с» — в виде дд.мм.гггг.")]
    [InlineData("TODAY", "WEEK_AGO", "б", "Дата «по» раньше даты «с».")]
    [InlineData("TODAY", "TODAY", "оп", "Причина — Б (болезнь, справка), У (уважительная) или Н (без уважительной причины).")]
    [InlineData("TODAY", "TODAY", "ж", "Причина — Б (болезнь, справка)")]
    [InlineData("TODAY", "TODAY", "б", "Выберите ученика.")]
    public async Task A_bad_period_form_is_refused_in_russian(string from, string to, string kind, string message)
    {
        await using var demo = await DemoAsync();
        var pupil = await demo.PupilAsync(7);
        string Date(string value) => value switch
        {
            "TODAY" => Iso(demo.Today),
            "WEEK_AGO" => Iso(demo.Today.AddDays(-7)),
            _ => value,
        };
        var client = await app.SignInAsync("classteacher@demo");

        var response = await PostAsync(client, Base, $"{Base}/period", new()
        {
            ["Class"] = demo.ClassId.ToString(),
            ["Pupil"] = message == "Выберите ученика." ? "" : pupil.Id.ToString(),
            ["From"] = Date(from),
            ["To"] = Date(to),
            ["Kind"] = kind,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector(".attendance-period [role=alert]")!.TextContent.ShouldContain(message);
        page.QuerySelector("table.attendance-week").ShouldNotBeNull("the week is shown again with the message");
    }

    [Theory]
    [InlineData("?week=вчера")]
    [InlineData("?week=2026-02-30")]
    [InlineData("?class=5А")]
    [InlineData("?changed=много")]
    public async Task An_unreadable_week_or_class_is_not_found(string query)
    {
        var client = await app.SignInAsync("classteacher@demo");

        (await client.GetAsync(Base + query)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_class_teacher_opens_the_week_from_home_and_corrects_a_reason_in_the_browser()
    {
        await using var demo = await DemoAsync();
        var pupil = await demo.PupilAsync(8);
        var day = await demo.RecentDayAsync(0);
        var lesson = (await demo.LessonsAsync(day))[1];
        var absence = await demo.AbsenceAsync(lesson.Id, pupil.Id, "Absent");
        var (playwright, browser) = await BrowserTests.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "ru-RU" });
        await page.GotoAsync(new Uri(app.BaseAddress, "/login").ToString());
        await page.GetByLabel("Логин").FillAsync("classteacher@demo");
        await page.GetByLabel("Пароль").FillAsync(JournalApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.WaitForURLAsync("**/s/demo/classteacher");

        await page.GetByRole(AriaRole.Link, new() { Name = "Посещаемость за неделю" }).ClickAsync();
        if (SchoolClock.WeekStart(day) != SchoolClock.WeekStart(demo.Today))
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "← Предыдущая неделя" }).ClickAsync();
        }

        (await page.GetByRole(AriaRole.Heading, new() { Name = $"Посещаемость 5А: неделя {SchoolClock.WeekStart(day):dd.MM}" }).IsVisibleAsync())
            .ShouldBeTrue();
        Directory.CreateDirectory(BrowserTests.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.Screenshots, "classteacher-attendance-week.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = pupil.Name, Exact = true }).ClickAsync();
        await page.GetByLabel($"{day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}, {lesson.Number}-й урок, {lesson.Subject}").SelectOptionAsync("б");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.Screenshots, "classteacher-attendance-pupil.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();

        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("Исправлено: 1 пропуск.");
        (await demo.AbsenceStateAsync(absence)).ShouldStartWith("Ill|");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await JournalApp.AntiforgeryTokenAsync(client, formPage);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private static Task<AngleSharp.Html.Dom.IHtmlDocument> ParseAsync(string html) => new HtmlParser().ParseDocumentAsync(html);

    private static IElement PupilRow(IParentNode page, string name) =>
        page.QuerySelectorAll("table.attendance-week tbody tr")
            .Single(r => r.QuerySelector("th[scope=row] a")!.TextContent.Trim() == name);

    private static List<string> Totals(IElement row) => row.QuerySelectorAll("td.total-col").Select(td => td.TextContent.Trim()).ToList();

    private static int DayIndex(DateOnly date) => ((int)date.DayOfWeek + 6) % 7;

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<Demo> DemoAsync()
    {
        var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var classId = await sql.ScalarAsync<Guid>("SELECT id FROM classes WHERE grade = 5 AND letter = 'А'");
        var classTeacher = await sql.ScalarAsync<Guid>(
            "SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.user_name = 'classteacher@demo'");
        return new Demo(sql, classId, classTeacher, SchoolClock.For(TimeProvider.System, "Asia/Yekaterinburg").Today);
    }

    public sealed record Pupil(Guid Id, string Name, string LastFirst);

    public sealed record LessonInfo(Guid Id, int Number, string Subject);

    /// <summary>The demo school's 5А as the tests need it: pupils, recent lessons, absences written directly.</summary>
    private sealed class Demo(Sql sql, Guid classId, Guid classTeacherId, DateOnly today) : IAsyncDisposable
    {
        public Sql Sql => sql;

        public Guid ClassId => classId;

        public Guid ClassTeacherId => classTeacherId;

        public DateOnly Today => today;

        /// <summary>A pupil in 5А for the whole recent month; each test takes its own, so tests don't meet.</summary>
        public async Task<Pupil> PupilAsync(int index)
        {
            var row = await sql.ScalarAsync<string>(
                """
                SELECT p.id || '|' || p.last_name || '|' || p.first_name || '|' || coalesce(p.middle_name, '')
                FROM enrolments e JOIN pupils p ON p.id = e.pupil_id
                WHERE e.class_id = @c AND e.to_date IS NULL AND e.from_date < @d
                ORDER BY p.last_name, p.first_name, p.id OFFSET @i LIMIT 1
                """,
                ("c", classId), ("d", today.AddDays(-40)), ("i", index));
            var parts = row.Split('|');
            return new Pupil(Guid.Parse(parts[0]), PersonName.Full(parts[1], parts[2], parts[3]), $"{parts[1]} {parts[2]}");
        }

        /// <summary>The latest (0) or an earlier (1, 2…) past day with 5А lessons: open for changes (LCK-1).</summary>
        public Task<DateOnly> RecentDayAsync(int back) => sql.ScalarAsync<DateOnly>(
            """
            SELECT DISTINCT l.date FROM lessons l JOIN teaching_assignments a ON a.id = l.assignment_id
            WHERE a.class_id = @c AND l.date < @d ORDER BY l.date DESC OFFSET @b LIMIT 1
            """,
            ("c", classId), ("d", today), ("b", back));

        /// <summary>The whole-class lessons of 5А on a day, in order, with their subjects.</summary>
        public async Task<List<LessonInfo>> LessonsAsync(DateOnly date)
        {
            var rows = await sql.ColumnAsync<string>(
                """
                SELECT l.id || '|' || l.lesson_number || '|' || s.name FROM lessons l
                JOIN teaching_assignments a ON a.id = l.assignment_id JOIN subjects s ON s.id = a.subject_id
                WHERE a.class_id = @c AND a.subgroup_id IS NULL AND l.date = @d ORDER BY l.lesson_number
                """,
                ("c", classId), ("d", date));
            rows.Count.ShouldBeGreaterThanOrEqualTo(3, $"5А has lessons on {date}");
            return rows.Select(r => r.Split('|'))
                .Select(p => new LessonInfo(Guid.Parse(p[0]), int.Parse(p[1], CultureInfo.InvariantCulture), p[2])).ToList();
        }

        /// <summary>Writes (or overwrites) an absence as a subject teacher's journal would, and returns its id.</summary>
        public Task<Guid> AbsenceAsync(Guid lesson, Guid pupil, string kind) => sql.ScalarAsync<Guid>(
            """
            INSERT INTO absences (id, school_id, lesson_id, pupil_id, kind, author_id, entered_at)
            SELECT gen_random_uuid(), l.school_id, l.id, @p, @k, a.teacher_id, now()
            FROM lessons l JOIN teaching_assignments a ON a.id = l.assignment_id WHERE l.id = @l
            ON CONFLICT (school_id, lesson_id, pupil_id) DO UPDATE SET kind = excluded.kind, author_id = excluded.author_id
            RETURNING id
            """,
            ("l", lesson), ("p", pupil), ("k", kind));

        /// <summary>Removes the pupil's absences of the week holding the date, so the test knows them all.</summary>
        public Task<object> ClearWeekAsync(Guid pupil, DateOnly date) => sql.ScalarAsync<object>(
            """
            DELETE FROM absences ab USING lessons l, teaching_assignments a
            WHERE ab.lesson_id = l.id AND l.assignment_id = a.id AND a.class_id = @c AND ab.pupil_id = @p
              AND l.date BETWEEN @from AND @to
            """,
            ("c", classId), ("p", pupil), ("from", SchoolClock.WeekStart(date)), ("to", SchoolClock.WeekStart(date).AddDays(6)));

        public Task<string> AbsenceStateAsync(Guid absence) =>
            sql.ScalarAsync<string>("SELECT kind || '|' || author_id FROM absences WHERE id = @id", ("id", absence));

        public Task<long> HistoryCountAsync(Guid lesson, Guid pupil) => sql.ScalarAsync<long>(
            "SELECT count(*) FROM journal_changes WHERE lesson_id = @l AND pupil_id = @p", ("l", lesson), ("p", pupil));

        public Task<Guid> PeriodOfAsync(DateOnly date) => sql.ScalarAsync<Guid>(
            """
            SELECT p.id FROM study_periods p JOIN grade_period_kinds k ON k.academic_year_id = p.academic_year_id AND k.kind = p.kind
            WHERE k.grade = 5 AND p.start_date <= @d AND p.end_date >= @d
            """,
            ("d", date));

        public async Task<string> ClassTeacherSignatureAsync()
        {
            var parts = (await sql.ScalarAsync<string>(
                "SELECT last_name || '|' || first_name || '|' || coalesce(middle_name, '') FROM memberships WHERE id = @id",
                ("id", classTeacherId))).Split('|');
            return PersonName.WithInitials(parts[0], parts[1], parts[2]);
        }

        public ValueTask DisposeAsync() => sql.DisposeAsync();
    }
}

/// <summary>The week page runs a fixed number of queries whatever the number of absences in the week.</summary>
[Collection(nameof(RunAlone))]
public sealed class ClassAttendanceQueryCountTests(JournalApp app)
{
    [Fact]
    public async Task The_week_page_runs_the_same_few_queries_for_any_week()
    {
        var client = await app.SignInAsync("classteacher@demo");
        var today = SchoolClock.For(TimeProvider.System, "Asia/Yekaterinburg").Today;
        using var counter = new QueryCounter();
        var counts = new List<(int Queries, int Absences)>();

        foreach (var weeksBack in new[] { 1, 3, 6 })
        {
            var week = SchoolClock.WeekStart(today).AddDays(-7 * weeksBack).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            counter.Reset();
            var html = await client.GetStringAsync($"/s/demo/classteacher/attendance?week={week}");
            counts.Add((counter.Count, new HtmlParser().ParseDocument(html).QuerySelectorAll("td.att-cell .att").Length));
        }

        counts.Select(c => c.Absences).Distinct().Count().ShouldBeGreaterThan(1, "weeks with different numbers of absences");
        counts.Select(c => c.Queries).Distinct().Count().ShouldBe(1, string.Join(", ", counts));
        counts[0].Queries.ShouldBeLessThanOrEqualTo(8); // school + member, the navigation counters (messages + notifications), the week's five
    }
}
