using FluentValidation;
using Journal.Domain.Communication;
using Journal.Domain.Lessons;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Journal.Web.Files;
using Journal.Web.Forecasts;
using Journal.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Messaging;

/// <summary>To whom a new message goes (MSG-2): one person, the parents of one pupil, or a mailing to a class's families.</summary>
public enum RecipientKind
{
    /// <summary>One member: a member of staff, or (for staff) a pupil with an account.</summary>
    Person,

    /// <summary>The parents of one pupil, in one conversation about the pupil.</summary>
    Parents,

    /// <summary>The parents of every pupil of a class: one conversation per family, nobody sees the others.</summary>
    Class,

    /// <summary>The parents of the pupils of a class with a forecast «2» in the current period (GRD-5).</summary>
    Failing,

    /// <summary>The parents of the pupils of a class who missed at least so many lessons in the current period.</summary>
    Absent,
}

/// <summary>
/// MSG-1, MSG-2: a new conversation (or, for a class mailing, one per family) with its first message and files.
/// The recipient is checked against <see cref="Recipients"/>: a parent or pupil reaches only the school's staff.
/// Everything is saved together, or nothing when anything is refused.
/// </summary>
public static class SendMessage
{
    /// <summary>Missed lessons that make a pupil «missing lessons» by default (seed 000 §4.4 leaves the number to the teacher).</summary>
    public const int DefaultMinAbsences = 10;

    public const int MaxSubjectLength = 200;

    public const int MaxTextLength = 10000;

    public sealed class Form
    {
        private string? _text;

        public RecipientKind Kind { get; set; }

        public Guid? PersonId { get; set; }

        public Guid? PupilId { get; set; }

        public Guid? ClassId { get; set; }

        public int MinAbsences { get; set; } = DefaultMinAbsences;

        public string? Subject { get; set; }

        /// <summary>Line breaks as «\n»: the browser sends «\r\n», which would count twice against the limit.</summary>
        public string? Text
        {
            get => _text;
            set => _text = value?.ReplaceLineEndings("\n");
        }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(x => x.Kind).IsInEnum().WithMessage("Выберите, кому написать.");
            RuleFor(x => x.PersonId).NotEmpty().When(x => x.Kind == RecipientKind.Person).WithMessage("Выберите адресата.");
            RuleFor(x => x.PupilId).NotEmpty().When(x => x.Kind == RecipientKind.Parents).WithMessage("Выберите ученика.");
            RuleFor(x => x.ClassId).NotEmpty().When(x => x.Kind is RecipientKind.Class or RecipientKind.Failing or RecipientKind.Absent)
                .WithMessage("Выберите класс.");
            RuleFor(x => x.MinAbsences).InclusiveBetween(1, 500).When(x => x.Kind == RecipientKind.Absent)
                .WithMessage("Число пропущенных уроков — от 1 до 500.");
            RuleFor(x => x.Subject).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Укажите тему.")
                .MaximumLength(MaxSubjectLength).WithMessage($"Тема длиннее {MaxSubjectLength} знаков.");
            RuleFor(x => x.Text).MessageText();
        }
    }

    /// <summary>A message's text: not empty, at most <see cref="MaxTextLength"/> characters. Shared with the reply.</summary>
    public static IRuleBuilderOptions<T, string?> MessageText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Напишите текст сообщения.")
            .MaximumLength(MaxTextLength).WithMessage($"Сообщение длиннее {MaxTextLength} знаков: сократите его или разделите на несколько.");

    /// <summary>Sent: the conversations created; refused: why, in Russian, and nothing was saved.</summary>
    public sealed record Outcome(IReadOnlyList<Guid> Conversations, IReadOnlyList<string> Refusals);

    public sealed class Handler(
        JournalDbContext db, Recipients.Handler recipients, ClassForecast.Handler forecasts, MessageFiles files, SchoolClock clock,
        TenantContext tenant, TimeProvider time, Notifications.Notifier notifier)
    {
        public async Task<Outcome> Send(Correspondent me, Form form, UploadBatch upload, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(me);
            ArgumentNullException.ThrowIfNull(form);
            var options = await recipients.Handle(me, cancellationToken);
            List<Family> families;
            Guid? pupilOfConversation = null;
            switch (form.Kind)
            {
                case RecipientKind.Person when options.People.Any(p => p.Id == form.PersonId):
                    families = [new Family([form.PersonId!.Value], null)];
                    break;
                case RecipientKind.Person:
                    return Refused(me.IsStaff
                        ? "Этому адресату написать нельзя: выберите его из списка."
                        : "Родители и ученики пишут только учителям класса, классному руководителю и администрации школы: выберите адресата из списка.");
                case RecipientKind.Parents when me.IsStaff && options.Pupils.Any(p => p.Id == form.PupilId):
                    families = await FamiliesAsync([form.PupilId!.Value], cancellationToken);
                    pupilOfConversation = form.PupilId;
                    break;
                case RecipientKind.Class or RecipientKind.Failing or RecipientKind.Absent
                    when me.IsStaff && options.Classes.Any(c => c.Id == form.ClassId):
                    families = await FamiliesAsync(await PupilsAsync(me, form, cancellationToken), cancellationToken);
                    if (families.Count == 0)
                    {
                        return Refused(form.Kind switch
                        {
                            RecipientKind.Failing => "В классе нет учеников с прогнозом «2», у родителей которых есть учётная запись в журнале: сообщение не отправлено.",
                            RecipientKind.Absent => $"В классе нет учеников, пропустивших в этом периоде {form.MinAbsences} уроков и больше, у родителей которых есть учётная запись в журнале: сообщение не отправлено.",
                            _ => "Ни у одного ученика класса родители не зарегистрированы в журнале: сообщение не отправлено.",
                        });
                    }

                    break;
                default:
                    return Refused("Писать родителям учеников и классам могут только учителя этих классов и администрация школы.");
            }

            families = [.. families.Where(f => f.Members.Any(m => m != me.MembershipId))];
            if (families.Count == 0)
            {
                return Refused("У родителей этого ученика нет учётной записи в журнале: сообщение не отправлено.");
            }

            var accepted = await files.CheckAsync(upload, cancellationToken);
            if (accepted.Refusals.Count > 0)
            {
                return Refused([.. accepted.Refusals]);
            }

            var now = time.GetUtcNow();
            var created = new List<Guid>();
            var authorName = await db.Memberships.AsNoTracking().Where(m => m.Id == me.MembershipId)
                .Select(m => m.LastName + " " + m.FirstName).SingleAsync(cancellationToken);
            foreach (var family in families)
            {
                var conversation = new Conversation
                {
                    Subject = form.Subject!.Trim(),
                    PupilId = pupilOfConversation ?? family.PupilId,
                    CreatedById = me.MembershipId,
                    CreatedAt = now,
                    LastMessageAt = now,
                };
                db.Conversations.Add(conversation);
                // The writer has read their own message.
                db.ConversationMembers.Add(new ConversationMember { ConversationId = conversation.Id, MembershipId = me.MembershipId, ReadUpTo = now });
                foreach (var member in family.Members.Where(m => m != me.MembershipId).Distinct())
                {
                    db.ConversationMembers.Add(new ConversationMember { ConversationId = conversation.Id, MembershipId = member });
                }

                var message = new Message { ConversationId = conversation.Id, AuthorId = me.MembershipId, Text = form.Text!.Trim(), SentAt = now };
                db.Messages.Add(message);
                files.Attach(message, accepted.Files, me.MembershipId);
                created.Add(conversation.Id);
                notifier.Message(family.Members.Where(m => m != me.MembershipId), conversation.Id, authorName, conversation.Subject, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            return new Outcome(created, []);
        }

        /// <summary>The pupils of a class mailing: all of the class today, or those failing or missing lessons.</summary>
        private async Task<List<Guid>> PupilsAsync(Correspondent me, Form form, CancellationToken cancellationToken)
        {
            var classId = form.ClassId!.Value;
            var today = clock.Today;
            switch (form.Kind)
            {
                case RecipientKind.Failing:
                    {
                        var forecast = await forecasts.Handle(new ClassForecast.Query(classId, null, today, tenant.Settings.Grading), cancellationToken);
                        if (forecast is null)
                        {
                            return [];
                        }

                        // A subject teacher asks about their own subjects; the class teacher and the administration about all.
                        HashSet<Guid>? subjects = null;
                        if (!me.IsAdministration && !await db.Classes.AnyAsync(c => c.Id == classId && c.ClassTeacherId == me.MembershipId, cancellationToken))
                        {
                            subjects = [.. await db.TeachingAssignments.Where(a => a.ClassId == classId && a.TeacherId == me.MembershipId)
                            .Select(a => a.SubjectId).ToListAsync(cancellationToken)];
                        }

                        return [.. forecast.Pupils
                        .Where(p => p.Graded.Any(s => s.Forecast == 2 && (subjects is null || subjects.Contains(s.SubjectId))))
                        .Select(p => p.Id)];
                    }

                case RecipientKind.Absent:
                    {
                        if (await PeriodAsync(classId, today, cancellationToken) is not { } period)
                        {
                            return [];
                        }

                        var until = today < period.End ? today : period.End;
                        var enrolled = db.Enrolments.Where(e => e.ClassId == classId).Where(Enrolled.On(today)).Select(e => e.PupilId);
                        return await (
                                from a in db.Absences.AsNoTracking()
                                where a.Kind != AttendanceKind.Late && enrolled.Contains(a.PupilId)
                                join l in db.Lessons on a.LessonId equals l.Id
                                where l.Date >= period.Start && l.Date <= until
                                join t in db.TeachingAssignments on l.AssignmentId equals t.Id
                                where t.ClassId == classId
                                group a by a.PupilId into g
                                where g.Count() >= form.MinAbsences
                                select g.Key)
                            .ToListAsync(cancellationToken);
                    }

                default:
                    return await db.Enrolments.AsNoTracking().Where(e => e.ClassId == classId).Where(Enrolled.On(today))
                        .Select(e => e.PupilId).ToListAsync(cancellationToken);
            }
        }

        /// <summary>The class's current study period (the one just ended, in the holidays), as <see cref="ClassForecast"/> picks it.</summary>
        private async Task<(DateOnly Start, DateOnly End)?> PeriodAsync(Guid classId, DateOnly today, CancellationToken cancellationToken)
        {
            var periods = await (
                    from c in db.Classes.AsNoTracking()
                    where c.Id == classId
                    from p in db.StudyPeriods
                    where p.AcademicYearId == c.AcademicYearId
                          && db.GradePeriodKinds.Any(k => k.AcademicYearId == c.AcademicYearId && k.Grade == c.Grade && k.Kind == p.Kind)
                    orderby p.StartDate
                    select new { p.StartDate, p.EndDate })
                .ToListAsync(cancellationToken);
            var current = periods.FirstOrDefault(p => p.StartDate <= today && today <= p.EndDate)
                          ?? periods.LastOrDefault(p => p.StartDate <= today);
            return current is null ? null : (current.StartDate, current.EndDate);
        }

        /// <summary>
        /// The parents of the pupils, one family per set of parents: brothers and sisters share one conversation, and no
        /// parent is ever put in a conversation with another family.
        /// </summary>
        private async Task<List<Family>> FamiliesAsync(IReadOnlyCollection<Guid> pupils, CancellationToken cancellationToken)
        {
            var links = await db.ParentLinks.AsNoTracking()
                .Where(l => pupils.Contains(l.PupilId))
                .Select(l => new { l.PupilId, l.ParentId })
                .ToListAsync(cancellationToken);
            return [.. links.GroupBy(l => l.PupilId)
                .Select(g => (Pupil: g.Key, Parents: g.Select(l => l.ParentId).Distinct().Order().ToList()))
                .GroupBy(p => string.Join(",", p.Parents), StringComparer.Ordinal)
                .Select(g => new Family(g.First().Parents, g.Count() == 1 ? g.First().Pupil : null))
                .OrderBy(f => f.PupilId)];
        }

        private static Outcome Refused(params string[] refusals) => new([], refusals);
    }

    private sealed record Family(IReadOnlyList<Guid> Members, Guid? PupilId);
}
