using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Journal.Domain.Lessons;
using Journal.Domain.Organization;
using Journal.Domain.Policies;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Diary;
using Journal.Web.Forecasts;
using Journal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>
/// DRY-1, DRY-2: the pupil's and the parent's diary. Expectations are read from the database by SQL written apart
/// from the application's queries, never from the demo's numbers; other tests save marks meanwhile, so a page is
/// compared with the rows only when they stayed the same around it.
/// </summary>
public sealed class DiaryTests(JournalApp app)
{
    private static readonly HtmlParser Parser = new();

    private static DateOnly Today => SchoolClock.For(TimeProvider.System, "Asia/Yekaterinburg").Today;

    private static DateOnly ThisMonday => SchoolClock.WeekStart(Today);

    internal static async Task<Guid> StudentPupilAsync(Sql sql, string login) => await sql.ScalarAsync<Guid>(
        """
        SELECT p.id FROM pupils p JOIN memberships m ON m.id = p.membership_id JOIN users u ON u.id = m.user_id
        WHERE u.user_name = @u
        """,
        ("u", login));

    internal static async Task<Guid> ChildAsync(Sql sql, string parent, string firstName) => await sql.ScalarAsync<Guid>(
        """
        SELECT p.id FROM parent_links l JOIN pupils p ON p.id = l.pupil_id
        JOIN memberships m ON m.id = l.parent_id JOIN users u ON u.id = m.user_id
        WHERE u.user_name = @u AND p.first_name = @f
        """,
        ("u", parent), ("f", firstName));

    /// <summary>
    /// The pupil's week as SQL sees it: one line per lesson, «lesson|marks|absence», the lessons of the classes the
    /// pupil was in on each lesson's date and of their own subgroups.
    /// </summary>
    private static async Task<List<string>> ExpectedWeekAsync(Sql sql, Guid pupil, DateOnly monday)
    {
        var lessons = await sql.ColumnAsync<string>(
            """
            SELECT l.id::text || '|' || coalesce((SELECT a.kind FROM absences a WHERE a.lesson_id = l.id AND a.pupil_id = @p), '')
            FROM lessons l JOIN teaching_assignments t ON t.id = l.assignment_id
            WHERE l.date BETWEEN @mon AND @sat
              AND EXISTS (SELECT 1 FROM enrolments e WHERE e.pupil_id = @p AND e.class_id = t.class_id
                          AND e.from_date <= l.date AND (e.to_date IS NULL OR e.to_date >= l.date))
              AND (t.subgroup_id IS NULL
                   OR EXISTS (SELECT 1 FROM subgroup_members s WHERE s.subgroup_id = t.subgroup_id AND s.pupil_id = @p))
            ORDER BY l.date, l.lesson_number, l.id
            """,
            ("p", pupil), ("mon", monday), ("sat", monday.AddDays(5)));
        var marks = await sql.ColumnAsync<string>(
            """
            SELECT w.lesson_id::text || '|' || m.value || ' ' || k.name || ', вес ' || replace(trim_scale(w.weight)::text, '.', ',')
            FROM marks m JOIN works w ON w.id = m.work_id JOIN work_kinds k ON k.id = w.kind_id
            JOIN lessons l ON l.id = w.lesson_id
            WHERE m.pupil_id = @p AND l.date BETWEEN @mon AND @sat
            ORDER BY k.sort_order, w.id
            """,
            ("p", pupil), ("mon", monday), ("sat", monday.AddDays(5)));
        var byLesson = marks.Select(m => m.Split('|', 2)).ToLookup(m => m[0], m => m[1]);
        return lessons.Select(line => line.Split('|'))
            .Select(l => $"{l[0]}|{string.Join("; ", byLesson[l[0]])}|{(l[1].Length == 0 ? "" : Enum.Parse<AttendanceKind>(l[1]).Code())}")
            .ToList();
    }

    private static List<string> PageWeek(IHtmlDocument page) => page.QuerySelectorAll("tr[data-lesson]")
        .Select(tr => string.Join('|',
            tr.GetAttribute("data-lesson"),
            string.Join("; ", tr.QuerySelectorAll("li.diary-mark").Select(li =>
                $"{li.GetAttribute("data-value")} {li.QuerySelector(".mark-kind")!.TextContent.Trim()}{li.QuerySelector(".mark-weight")!.TextContent.Trim()}")),
            tr.QuerySelector(".diary-absence")?.GetAttribute("data-code") ?? ""))
        .ToList();

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, response.RequestMessage?.RequestUri?.ToString());
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens the week's page between two identical reads of the rows, and compares.</summary>
    private static async Task<IHtmlDocument> WeekMatchesTheDatabaseAsync(Sql sql, Guid pupil, HttpClient client, string url, DateOnly monday)
    {
        for (var attempt = 0; ; attempt++)
        {
            var before = await ExpectedWeekAsync(sql, pupil, monday);
            var page = await ParseAsync(await client.GetAsync(url));
            var after = await ExpectedWeekAsync(sql, pupil, monday);
            if (!before.SequenceEqual(after) && attempt < 5)
            {
                continue;
            }

            PageWeek(page).ShouldBe(after, url);
            page.QuerySelector(".diary-week-range")!.TextContent.ShouldBe($"{DiaryView.Date(monday)} – {DiaryView.Date(monday.AddDays(5))}");
            page.QuerySelectorAll("section.diary-day").Length.ShouldBe(6, "Monday to Saturday");
            return page;
        }
    }

    [Fact]
    public async Task Pupil_sees_exactly_the_lessons_marks_and_absences_of_their_week_in_the_database()
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var pupil = await StudentPupilAsync(sql, "student@demo");
        var client = await app.SignInAsync("student@demo");

        var lastWeek = await WeekMatchesTheDatabaseAsync(
            sql, pupil, client, $"/s/demo/student/diary?week={DiaryView.Iso(ThisMonday.AddDays(-5))}", ThisMonday.AddDays(-7));
        await WeekMatchesTheDatabaseAsync(sql, pupil, client, "/s/demo/student/diary", ThisMonday);

        PageWeek(lastWeek).Count.ShouldBeGreaterThan(0);
        // Subgroups: the other English group's lessons of the week are not the pupil's.
        var otherGroups = await sql.ColumnAsync<Guid>(
            """
            SELECT l.id FROM lessons l JOIN teaching_assignments t ON t.id = l.assignment_id
            JOIN enrolments e ON e.class_id = t.class_id AND e.pupil_id = @p AND e.to_date IS NULL
            WHERE t.subgroup_id IS NOT NULL AND l.date BETWEEN @mon AND @sat
              AND NOT EXISTS (SELECT 1 FROM subgroup_members s WHERE s.subgroup_id = t.subgroup_id AND s.pupil_id = @p)
            """,
            ("p", pupil), ("mon", ThisMonday.AddDays(-7)), ("sat", ThisMonday.AddDays(-2)));
        otherGroups.ShouldNotBeEmpty("the demo splits English into groups");
        lastWeek.QuerySelectorAll("tr[data-lesson]").Select(tr => Guid.Parse(tr.GetAttribute("data-lesson")!))
            .ShouldNotContain(l => otherGroups.Contains(l));
        lastWeek.QuerySelector("a[rel=prev]")!.GetAttribute("href")
            .ShouldBe($"/s/demo/student/diary?week={DiaryView.Iso(ThisMonday.AddDays(-14))}");
        lastWeek.QuerySelector("a[rel=next]")!.GetAttribute("href")
            .ShouldBe($"/s/demo/student/diary?week={DiaryView.Iso(ThisMonday)}");
    }

    [Fact]
    public async Task Parent_sees_the_chosen_childs_week_and_switches_between_children_and_schools()
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        // Полина is in 9А: a class no other test writes marks to.
        var polina = await ChildAsync(sql, "parent@demo", "Полина");
        var artyom = await ChildAsync(sql, "parent@demo", "Артём");
        var client = await app.SignInAsync("parent@demo");
        var monday = ThisMonday.AddDays(-7);

        var page = await WeekMatchesTheDatabaseAsync(
            sql, polina, client, $"/s/demo/parent/diary?pupil={polina}&week={DiaryView.Iso(monday)}", monday);

        page.QuerySelector("h1")!.TextContent.ShouldContain("Полина");
        var switcher = page.QuerySelectorAll("nav[aria-label='Ребёнок'] a").Select(a => a.GetAttribute("href")).ToList();
        switcher.ShouldContain($"/s/demo/parent/diary?pupil={artyom}");
        switcher.ShouldContain($"/s/demo/parent/diary?pupil={polina}");
        switcher.ShouldContain("/s/demo2/parent/diary", "parent@demo's third child is in demo2");
        page.QuerySelector("nav[aria-label='Ребёнок'] a[aria-current=page]")!.TextContent.ShouldContain("Полина");
        page.QuerySelector("a[rel=next]")!.GetAttribute("href").ShouldBe($"/s/demo/parent/diary?pupil={polina}&week={DiaryView.Iso(ThisMonday)}");
        // The other school's diary is the child's there.
        var other = await ParseAsync(await client.GetAsync("/s/demo2/parent/diary"));
        other.QuerySelector("h1")!.TextContent.ShouldContain("Матвей");
        // Home pages link the diary.
        var home = await ParseAsync(await client.GetAsync("/s/demo/parent"));
        home.QuerySelectorAll("a[href^='/s/demo/parent/diary?pupil=']").Length.ShouldBe(2);
        var student = await app.SignInAsync("student@demo");
        (await ParseAsync(await student.GetAsync("/s/demo/student"))).QuerySelector("a[href='/s/demo/student/diary']").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_pupil_who_moved_class_has_the_old_classs_lessons_before_the_move_and_the_new_ones_after()
    {
        var demo = await app.SchoolIdAsync("demo");
        await using var sql = await Sql.OpenAsync(app, demo);
        // The demo moves one pupil from 5А to 5Б during the year (the transfer of DemoSchools).
        var pupil = await sql.ScalarAsync<Guid>(
            """
            SELECT e.pupil_id FROM enrolments e JOIN classes c ON c.id = e.class_id
            WHERE c.grade = 5 AND c.letter = 'А' AND e.to_date IS NOT NULL LIMIT 1
            """);
        var left = await sql.ScalarAsync<DateOnly>("SELECT to_date FROM enrolments WHERE pupil_id = @p AND to_date IS NOT NULL", ("p", pupil));
        // The week holding the last day in 5А; when that is a Saturday, the week after starts in 5Б: both are checked.
        foreach (var monday in new[] { SchoolClock.WeekStart(left), SchoolClock.WeekStart(left.AddDays(1)) }.Distinct())
        {
            await using var scope = app.SchoolScope(demo);
            var week = await scope.ServiceProvider.GetRequiredService<DiaryWeek.Handler>()
                .Handle(new DiaryWeek.Query(pupil, monday, Today), CancellationToken.None);

            var expected = (await ExpectedWeekAsync(sql, pupil, monday)).Select(l => l.Split('|')[0]).ToList();
            week.Days.SelectMany(d => d.Lessons).Select(l => l.Id.ToString()).ShouldBe(expected);
            var stays = await sql.ScalarAsync<long>(
                "SELECT count(*) FROM enrolments WHERE pupil_id = @p AND from_date <= @sat AND (to_date IS NULL OR to_date >= @mon)",
                ("p", pupil), ("mon", monday), ("sat", monday.AddDays(5)));
            week.Classes.Count.ShouldBe((int)stays);
        }

        var monday5B = SchoolClock.WeekStart(left.AddDays(1));
        await using (var scope = app.SchoolScope(demo))
        {
            var week = await scope.ServiceProvider.GetRequiredService<DiaryWeek.Handler>()
                .Handle(new DiaryWeek.Query(pupil, monday5B, Today), CancellationToken.None);
            week.Classes.Select(c => c.Name).ShouldContain("5Б");
        }
    }

    [Fact]
    public async Task Subject_page_shows_the_periods_marks_and_the_average_and_forecast_Grading_gives()
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var polina = await ChildAsync(sql, "parent@demo", "Полина");
        var subject = await sql.ScalarAsync<Guid>(
            """
            SELECT s.id FROM subjects s JOIN teaching_assignments t ON t.subject_id = s.id
            JOIN enrolments e ON e.class_id = t.class_id AND e.pupil_id = @p AND e.to_date IS NULL
            WHERE NOT s.is_pass_fail AND t.subgroup_id IS NULL ORDER BY s.name LIMIT 1
            """,
            ("p", polina));
        var period = await sql.ScalarAsync<Guid>(
            "SELECT id FROM study_periods WHERE start_date <= @d AND kind = 'Quarter' ORDER BY start_date DESC LIMIT 1", ("d", Today));
        var (start, end) = (await sql.ScalarAsync<DateOnly>("SELECT start_date FROM study_periods WHERE id = @i", ("i", period)),
            await sql.ScalarAsync<DateOnly>("SELECT end_date FROM study_periods WHERE id = @i", ("i", period)));
        var settings = await ForecastTests.SettingsAsync(sql);
        var client = await app.SignInAsync("parent@demo");

        var page = await ParseAsync(await client.GetAsync($"/s/demo/parent/diary/subject/{subject}?pupil={polina}&period={period}"));

        var marks = await sql.ColumnAsync<string>(
            """
            WITH l AS MATERIALIZED (
                SELECT l.id, l.date, l.lesson_number FROM lessons l JOIN teaching_assignments t ON t.id = l.assignment_id
                WHERE t.subject_id = @s AND l.date BETWEEN @from AND @to)
            SELECT m.value || '|' || w.weight::text || '|' || k.is_control::text || '|' || to_char(l.date, 'DD.MM.YYYY') || '|' || k.name
            FROM l JOIN works w ON w.lesson_id = l.id JOIN marks m ON m.work_id = w.id AND m.pupil_id = @p
            JOIN work_kinds k ON k.id = w.kind_id
            ORDER BY l.date, l.lesson_number, k.sort_order, w.id
            """,
            ("p", polina), ("s", subject), ("from", start), ("to", end));
        marks.ShouldNotBeEmpty();
        var rows = page.QuerySelectorAll(".diary-subject-marks tbody tr").ToList();
        rows.Select(r => $"{r.GetAttribute("data-value")}|{r.Children[0].TextContent.Trim()}|{r.Children[2].TextContent.Trim()}")
            .ShouldBe(marks.Select(m => m.Split('|')).Select(m => $"{m[0]}|{m[3]}|{m[4]}"));
        var weighted = marks.Select(m => m.Split('|'))
            .Select(m => new WeightedMark(MarkValue.FromCode(m[0]),
                decimal.Parse(m[1], System.Globalization.CultureInfo.InvariantCulture), m[2] == "true"))
            .ToList();
        var requiresControl = await sql.ScalarAsync<bool>("SELECT requires_control_work FROM subjects WHERE id = @s", ("s", subject));
        var proposal = Grading.Propose(weighted, PeriodKind.Quarter, settings, requiresControl);
        page.QuerySelector(".diary-average")!.TextContent.Trim().ShouldBe(ForecastView.Average(proposal.Average));
        var forecast = page.QuerySelector(".diary-forecast")!.TextContent;
        forecast.ShouldContain(proposal.IsNotAttested ? "н/а" : $"«{proposal.AverageMark}»");
        var setMarks = await sql.ScalarAsync<long>(
            "SELECT count(*) FROM period_marks WHERE pupil_id = @p AND subject_id = @s AND kind = 'Period'", ("p", polina), ("s", subject));
        page.QuerySelectorAll(".diary-period-mark").Length.ShouldBe((int)setMarks);
    }

    [Fact]
    public async Task Week_and_period_in_the_address_are_checked()
    {
        var client = await app.SignInAsync("student@demo");

        (await client.GetAsync("/s/demo/student/diary?week=23.11.2026")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/s/demo/student/diary?week=abc")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var wednesday = ThisMonday.AddDays(2);
        var page = await ParseAsync(await client.GetAsync($"/s/demo/student/diary?week={DiaryView.Iso(wednesday)}"));
        page.QuerySelector(".diary-week-range")!.TextContent.ShouldStartWith(DiaryView.Date(ThisMonday));
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var maths = await sql.ScalarAsync<Guid>("SELECT id FROM subjects WHERE name = 'Математика'");
        (await client.GetAsync($"/s/demo/student/diary/subject/{maths}?period={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/s/demo/student/diary/subject/{maths}?period=abc")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // A subject of grade 1 only: not the pupil's.
        var world = await sql.ScalarAsync<Guid>(
            """
            SELECT s.id FROM subjects s WHERE NOT EXISTS (
                SELECT 1 FROM teaching_assignments t JOIN classes c ON c.id = t.class_id WHERE t.subject_id = s.id AND c.grade = 5)
            LIMIT 1
            """);
        (await client.GetAsync($"/s/demo/student/diary/subject/{world}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/s/demo/student/diary/subject/{maths}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    // ---------- DRY-2: the authorization walk ----------

    /// <summary>A fresh account in the demo school with one role; a Student is given a pupil of <paramref name="pupil"/>.</summary>
    private async Task<string> MemberAsync(SchoolRole role, Guid? pupil = null, Guid? child = null)
    {
        var demo = await app.SchoolIdAsync("demo");
        var login = $"diary-{role}-{Guid.NewGuid():N}".ToLowerInvariant();
        await using var scope = app.SchoolScope(demo);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = login, DisplayName = "Тест" };
        (await users.CreateAsync(user, JournalApp.DemoPassword)).Succeeded.ShouldBeTrue();
        var db = scope.ServiceProvider.GetRequiredService<JournalDbContext>();
        var membership = new Membership
        {
            UserId = user.Id,
            LastName = "Тестов",
            FirstName = "Тест",
            Roles = [new MembershipRole { Role = role }],
        };
        db.Memberships.Add(membership);
        if (pupil is { } p)
        {
            (await db.Pupils.SingleAsync(x => x.Id == p)).MembershipId = membership.Id;
        }

        if (child is { } c)
        {
            db.ParentLinks.Add(new Journal.Domain.People.ParentLink { ParentId = membership.Id, PupilId = c });
        }

        await db.SaveChangesAsync();
        return login;
    }

    [Fact]
    public async Task Nobody_but_the_pupil_and_their_parents_reads_the_diary_and_a_strangers_id_is_not_found()
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var artyom = await StudentPupilAsync(sql, "student@demo");
        var maths = await sql.ScalarAsync<Guid>("SELECT id FROM subjects WHERE name = 'Математика'");
        // A classmate with no account, no parents, who never moved: nobody else's test reads them.
        var classmates = await sql.ColumnAsync<Guid>(
            """
            SELECT e.pupil_id FROM enrolments e JOIN classes c ON c.id = e.class_id
            JOIN pupils p ON p.id = e.pupil_id
            WHERE c.grade = 5 AND c.letter = 'А' AND e.to_date IS NULL AND p.membership_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM parent_links l WHERE l.pupil_id = e.pupil_id)
              AND NOT EXISTS (SELECT 1 FROM enrolments o WHERE o.pupil_id = e.pupil_id AND o.id <> e.id)
            ORDER BY p.last_name DESC LIMIT 2
            """);
        var week = DiaryView.Iso(ThisMonday.AddDays(-7));
        string[] parentUrls =
        [
            $"/s/demo/parent/diary?pupil={artyom}", $"/s/demo/parent/diary?pupil={artyom}&week={week}",
            $"/s/demo/parent/diary/subject/{maths}?pupil={artyom}",
        ];
        string[] studentUrls = ["/s/demo/student/diary", $"/s/demo/student/diary?week={week}", $"/s/demo/student/diary/subject/{maths}"];

        // The owners read them.
        var parent = await app.SignInAsync("parent@demo");
        var student = await app.SignInAsync("student@demo");
        foreach (var url in parentUrls)
        {
            (await parent.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }

        foreach (var url in studentUrls)
        {
            (await student.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);
            (await ParseAsync(await student.GetAsync(url))).QuerySelector("h1")!.TextContent.ShouldContain("Артём");
        }

        // Another parent of the school (with a child of their own) and a classmate with their own account.
        var otherParent = await app.SignInAsync(await MemberAsync(SchoolRole.Parent, child: classmates[0]));
        var classmateName = await sql.ScalarAsync<string>("SELECT last_name FROM pupils WHERE id = @p", ("p", classmates[1]));
        var classmate = await app.SignInAsync(await MemberAsync(SchoolRole.Student, pupil: classmates[1]));
        foreach (var url in parentUrls)
        {
            (await otherParent.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            await ForbiddenAsync(classmate, url);
        }

        foreach (var url in studentUrls)
        {
            // The pupil's pages take no id: the classmate sees only themselves.
            var own = await ParseAsync(await classmate.GetAsync(url));
            own.QuerySelector("h1")!.TextContent.ShouldNotContain("Артём");
            own.QuerySelector("h1")!.TextContent.ShouldContain(classmateName);
            await ForbiddenAsync(otherParent, url);
        }

        // A teacher of another class (5Б's class teacher) has neither area.
        var teacher = await app.SignInAsync("teacher9@demo");
        foreach (var url in parentUrls.Concat(studentUrls))
        {
            await ForbiddenAsync(teacher, url);
        }

        // Users of demo2 are not members of demo: not found, whatever the role.
        foreach (var login in new[] { "parent@demo2", "student@demo2" })
        {
            var foreign = await app.SignInAsync(login);
            foreach (var url in parentUrls.Concat(studentUrls))
            {
                (await foreign.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{login} {url}");
            }
        }

        // A parent of demo2 naming a demo pupil in their own school; parent@demo naming their demo child in demo2.
        var parent2 = await app.SignInAsync("parent@demo2");
        (await parent2.GetAsync($"/s/demo2/parent/diary?pupil={artyom}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await parent2.GetAsync($"/s/demo2/parent/diary/subject/{maths}?pupil={artyom}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await parent.GetAsync($"/s/demo2/parent/diary?pupil={artyom}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // parent@demo naming a classmate, or a malformed id.
        (await parent.GetAsync($"/s/demo/parent/diary?pupil={classmates[0]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await parent.GetAsync($"/s/demo/parent/diary/subject/{maths}?pupil={classmates[0]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await parent.GetAsync("/s/demo/parent/diary?pupil=abc")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var notFound = await parent.GetAsync($"/s/demo/parent/diary?pupil={classmates[0]}");
        var body = await notFound.Content.ReadAsStringAsync();
        var name = await sql.ScalarAsync<string>("SELECT last_name FROM pupils WHERE id = @p", ("p", classmates[0]));
        body.ShouldNotContain(name, customMessage: "a 404 never names the pupil");
    }

    private static async Task ForbiddenAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
        response.Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/forbidden", customMessage: url);
    }

    [Fact]
    public async Task Without_sign_in_the_diary_sends_to_the_login()
    {
        var client = app.Anonymous();

        foreach (var url in new[] { "/s/demo/student/diary", "/s/demo/parent/diary" })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            response.Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/login", customMessage: url);
        }
    }
}
