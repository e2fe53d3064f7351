using System.Globalization;
using Journal.Domain.Lessons;
using Journal.Domain.Organization;
using Journal.Domain.People;
using Journal.Domain.Schools;
using static Journal.Web.Data.Seed.DemoCurriculum;

namespace Journal.Web.Data.Seed;

/// <summary>An account a membership of the demo school needs; found by login or created.</summary>
internal sealed record DemoAccount(string Login, string DisplayName);

/// <summary>Every row of one demo school, built in memory before anything is written.</summary>
internal sealed class DemoSchoolData
{
    public required School School { get; init; }

    public required AcademicYear Year { get; init; }

    public List<GradePeriodKind> GradePeriodKinds { get; } = [];

    public List<StudyPeriod> StudyPeriods { get; } = [];

    public List<Holiday> Holidays { get; } = [];

    public List<Subject> Subjects { get; } = [];

    public List<CurriculumHours> CurriculumHours { get; } = [];

    public List<WorkKind> WorkKinds { get; } = [];

    public List<Room> Rooms { get; } = [];

    public List<BellSlot> BellSlots { get; } = [];

    /// <summary>Memberships with their roles; UserId is filled in from <see cref="Accounts"/> when the accounts exist.</summary>
    public List<Membership> Memberships { get; } = [];

    /// <summary>The account of each membership, by membership id.</summary>
    public Dictionary<Guid, DemoAccount> Accounts { get; } = [];

    public List<SchoolClass> Classes { get; } = [];

    public List<Subgroup> Subgroups { get; } = [];

    public List<Pupil> Pupils { get; } = [];

    public List<Enrolment> Enrolments { get; } = [];

    public List<SubgroupMember> SubgroupMembers { get; } = [];

    public List<ParentLink> ParentLinks { get; } = [];

    public List<TeachingAssignment> Assignments { get; } = [];

    public List<TimetableEntry> Timetable { get; } = [];

    /// <summary>КТП (JRN-6) of the subject × grade levels that have a topic list, matching the curriculum's hours.</summary>
    public List<LessonPlan> LessonPlans { get; } = [];

    public List<PlanTopic> PlanTopics { get; } = [];

    public List<Lesson> Lessons { get; } = [];

    public List<Work> Works { get; } = [];

    public List<Mark> Marks { get; } = [];

    public List<Absence> Absences { get; } = [];
}

/// <summary>
/// Builds a demo school relative to "today" in the school's zone: the current academic year, a
/// timetable, the lessons of the whole year, and for the days already past topics, homework,
/// works, marks and absences. Deterministic for a given seed and date (names do not depend on the date).
/// </summary>
internal sealed class DemoSchoolBuilder
{
    private const string AnswerKind = "Ответ на уроке";
    private const string IndependentKind = "Самостоятельная работа";
    private const string ControlKind = "Контрольная работа";
    private const string DictationKind = "Диктант";
    private const string EssayKind = "Сочинение";
    private const string LabKind = "Лабораторная работа";
    private const string PracticalKind = "Практическая работа";
    private const string HomeworkKind = "Домашняя работа";
    private const string TestKind = "Тест";

    private readonly DemoSchoolSpec _spec;
    private readonly Guid _schoolId;
    private readonly DemoCalendar _calendar;
    private readonly DateOnly _today;
    private readonly DateTimeOffset _now;
    private readonly TimeZoneInfo _zone;
    private readonly Random _names;
    private readonly Random _journal;
    private readonly DemoSchoolData _data;
    private readonly HashSet<string> _usedNames = [];
    private readonly List<Teacher> _teachers = [];
    private readonly List<ClassInfo> _classes = [];
    private readonly Dictionary<string, Subject> _subjects = [];
    private readonly Dictionary<string, WorkKind> _kinds = [];
    private readonly Dictionary<Guid, AssignmentInfo> _assignments = [];
    private readonly Dictionary<Guid, HashSet<PupilInfo>> _subgroupMembers = [];
    private readonly Dictionary<(PupilInfo Pupil, DateOnly Date), DayStatus> _days = [];
    private readonly Dictionary<(string Subject, int Grade), (int Span, List<PlanTopic> Topics)> _plans = [];
    private Room _gym = null!;

    private DemoSchoolBuilder(DemoSchoolSpec spec, Guid schoolId, DateTimeOffset now)
    {
        _spec = spec;
        _schoolId = schoolId;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(spec.TimeZoneId);
        _now = TimeZoneInfo.ConvertTime(now, _zone);
        _today = DateOnly.FromDateTime(_now.DateTime);
        _calendar = new DemoCalendar(_today);
        _names = new Random(spec.Seed);
        _journal = new Random(spec.Seed + 2);
        _data = new DemoSchoolData
        {
            School = new School { Id = schoolId, Slug = spec.Slug, Name = spec.Name, TimeZoneId = spec.TimeZoneId },
            Year = new AcademicYear
            {
                SchoolId = schoolId,
                Name = _calendar.Name,
                StartDate = _calendar.Start,
                EndDate = _calendar.End,
            },
        };
    }

    public static DemoSchoolData Build(DemoSchoolSpec spec, Guid schoolId, DateTimeOffset now)
    {
        var builder = new DemoSchoolBuilder(spec, schoolId, now);
        builder.BuildCalendar();
        builder.BuildSettings();
        builder.BuildStaff();
        builder.BuildClassesAndPupils();
        builder.BuildAssignmentsAndTimetable(new Random(spec.Seed + 1));
        builder.BuildAbsenceDays();
        builder.BuildPlans();
        builder.BuildLessons();
        return builder._data;
    }

    private Guid YearId => _data.Year.Id;

    private void BuildCalendar()
    {
        var kinds = new HashSet<PeriodKind>();
        for (var grade = 1; grade <= 11; grade++)
        {
            var kind = _spec.PeriodKindOf(grade);
            kinds.Add(kind);
            _data.GradePeriodKinds.Add(new GradePeriodKind { SchoolId = _schoolId, AcademicYearId = YearId, Grade = grade, Kind = kind });
        }

        foreach (var kind in kinds.Order())
        {
            var periods = _calendar.Periods(kind);
            for (var i = 0; i < periods.Count; i++)
            {
                _data.StudyPeriods.Add(new StudyPeriod
                {
                    SchoolId = _schoolId,
                    AcademicYearId = YearId,
                    Kind = kind,
                    Number = i + 1,
                    StartDate = periods[i].Start,
                    EndDate = periods[i].End,
                });
            }
        }

        foreach (var holiday in _calendar.Holidays)
        {
            _data.Holidays.Add(new Holiday
            {
                SchoolId = _schoolId,
                AcademicYearId = YearId,
                Name = holiday.Name,
                StartDate = holiday.Start,
                EndDate = holiday.End,
                Grade = holiday.Grade,
            });
        }
    }

    private void BuildSettings()
    {
        foreach (var definition in DemoCurriculum.Subjects)
        {
            var subject = new Subject { SchoolId = _schoolId, Name = definition.Name, ShortName = definition.ShortName };
            _subjects[definition.Name] = subject;
            _data.Subjects.Add(subject);
            for (var grade = 1; grade <= 11; grade++)
            {
                if (definition.Weekly(grade) > 0)
                {
                    _data.CurriculumHours.Add(new CurriculumHours
                    {
                        SchoolId = _schoolId,
                        AcademicYearId = YearId,
                        SubjectId = subject.Id,
                        Grade = grade,
                        HoursPerYear = definition.Weekly(grade) * WeeksInYear(grade),
                    });
                }
            }
        }

        // DL-2: written work is due in 5 working days, essays 10, control, lab and practical work 3.
        (string Name, decimal Weight, bool Control, int Days)[] kinds =
        [
            (AnswerKind, 1m, false, 0), (IndependentKind, 1.5m, false, 5), (ControlKind, 2m, true, 3), (DictationKind, 2m, true, 5),
            (EssayKind, 2m, false, 10), (LabKind, 1.5m, true, 3), (PracticalKind, 1.5m, true, 3), (HomeworkKind, 1m, false, 0),
            (TestKind, 1.5m, false, 5),
        ];
        for (var i = 0; i < kinds.Length; i++)
        {
            var kind = new WorkKind
            {
                SchoolId = _schoolId,
                Name = kinds[i].Name,
                DefaultWeight = kinds[i].Weight,
                IsControl = kinds[i].Control,
                EntryWorkingDays = kinds[i].Days,
                SortOrder = (i + 1) * 10,
            };
            _kinds[kind.Name] = kind;
            _data.WorkKinds.Add(kind);
        }

        (int, int, int, int)[] bells = [(8, 0, 8, 40), (8, 50, 9, 30), (9, 45, 10, 25), (10, 40, 11, 20), (11, 30, 12, 10), (12, 20, 13, 0), (13, 10, 13, 50)];
        for (var i = 0; i < bells.Length; i++)
        {
            var (h1, m1, h2, m2) = bells[i];
            _data.BellSlots.Add(new BellSlot { SchoolId = _schoolId, Number = i + 1, StartTime = new TimeOnly(h1, m1), EndTime = new TimeOnly(h2, m2) });
        }

        _gym = AddRoom("Спортзал");
        AddRoom("Актовый зал");
        AddRoom("Библиотека");
    }

    private Room AddRoom(string name)
    {
        var room = new Room { SchoolId = _schoolId, Name = name };
        _data.Rooms.Add(room);
        return room;
    }

    private Membership AddMember(DemoPersonName name, SchoolRole role, string login)
    {
        var membership = new Membership
        {
            SchoolId = _schoolId,
            LastName = name.LastName,
            FirstName = name.FirstName,
            MiddleName = name.MiddleName,
        };
        membership.Roles.Add(new MembershipRole { SchoolId = _schoolId, MembershipId = membership.Id, Role = role });
        _data.Memberships.Add(membership);
        _data.Accounts[membership.Id] = new DemoAccount(login, name.Full);
        _usedNames.Add(name.Full);
        return membership;
    }

    private DemoPersonName UniqueAdult()
    {
        while (true)
        {
            var name = DemoNames.Adult(_names, _names.Next(5) == 0 ? Sex.Male : Sex.Female);
            if (!_usedNames.Contains(name.Full))
            {
                return name;
            }
        }
    }

    private void BuildStaff()
    {
        var slug = _spec.Slug;
        AddMember(_spec.Admin, SchoolRole.Admin, $"admin@{slug}");
        AddMember(_spec.Deputy, SchoolRole.Deputy, $"deputy@{slug}");
        int primaryRooms = 0, subjectRooms = 0;
        foreach (var teacher in _spec.Teachers)
        {
            var name = teacher.Name ?? UniqueAdult();
            var membership = AddMember(name, SchoolRole.Teacher, teacher.Login);
            Room room;
            if (teacher.Subjects.All(s => s == Sport))
            {
                room = _gym;
            }
            else if (teacher.Classes is { Length: 1 } && teacher.Classes[0].StartsWith('1') && teacher.Classes[0].Length == 2)
            {
                room = AddRoom(string.Create(CultureInfo.InvariantCulture, $"каб. {101 + primaryRooms++}"));
            }
            else
            {
                var n = subjectRooms++;
                room = AddRoom(string.Create(CultureInfo.InvariantCulture, $"каб. {(n < 8 ? 201 + n : 301 + n - 8)}"));
            }

            _teachers.Add(new Teacher(_teachers.Count, teacher, membership, room));
        }
    }

    private void BuildClassesAndPupils()
    {
        foreach (var className in _spec.Classes)
        {
            var grade = int.Parse(className.AsSpan(0, className.Length - 1), CultureInfo.InvariantCulture);
            var schoolClass = new SchoolClass
            {
                SchoolId = _schoolId,
                AcademicYearId = YearId,
                Grade = grade,
                Letter = className[^1..],
                ClassTeacherId = _teachers.Single(t => t.Spec.ClassTeacherOf == className).Membership.Id,
            };
            _data.Classes.Add(schoolClass);
            _classes.Add(new ClassInfo(_classes.Count, schoolClass, _spec.PeriodKindOf(grade)));
        }

        // The named families first, so their children keep their names.
        var named = new List<(DemoChildSpec Child, PupilInfo Pupil)>();
        foreach (var family in _spec.Families)
        {
            var parent = AddMember(family.Parent, SchoolRole.Parent, family.ParentLogin);
            foreach (var child in family.Children)
            {
                var info = ClassOf(child.ClassName);
                var pupil = NewPupil(child.Name, info.Grade, child.Ability);
                if (child.StudentLogin is not null)
                {
                    pupil.Pupil.MembershipId = AddMember(child.Name, SchoolRole.Student, child.StudentLogin).Id;
                }

                _data.ParentLinks.Add(new ParentLink { SchoolId = _schoolId, ParentId = parent.Id, PupilId = pupil.Pupil.Id });
                named.Add((child, pupil));
            }
        }

        var enrolmentOrder = string.Create(CultureInfo.InvariantCulture, $"№ 97-о от {new DateOnly(_calendar.StartYear, 8, 31):dd.MM.yyyy}");
        var firstGradeOrder = string.Create(CultureInfo.InvariantCulture, $"№ 88-о от {new DateOnly(_calendar.StartYear, 8, 25):dd.MM.yyyy}");
        foreach (var info in _classes)
        {
            var size = 22 + _names.Next(7);
            var pupils = named.Where(n => n.Child.ClassName == info.Name).Select(n => n.Pupil).ToList();
            while (pupils.Count < size)
            {
                var sex = _names.Next(2) == 0 ? Sex.Male : Sex.Female;
                DemoPersonName name;
                do
                {
                    name = DemoNames.Child(_names, sex);
                }
                while (_usedNames.Contains(name.Full));

                pupils.Add(NewPupil(name, info.Grade, null));
            }

            foreach (var pupil in pupils)
            {
                Enrol(pupil, info, _calendar.Start,
                    info.Grade == 1 ? "Зачисление в 1-й класс" : string.Create(CultureInfo.InvariantCulture, $"Перевод в {info.Grade}-й класс"),
                    info.Grade == 1 ? firstGradeOrder : enrolmentOrder);
            }
        }

        BuildMovement(named.Select(n => n.Pupil).ToHashSet());
        BuildSubgroups();
    }

    /// <summary>Движение учащихся (ORG-2): one pupil leaves for another school, one moves to the parallel class, one arrives.</summary>
    private void BuildMovement(HashSet<PupilInfo> named)
    {
        // Dates relative to today, so the history is in the past whenever the year has run for a while.
        var anchor = _today < _calendar.Start.AddDays(60) ? _calendar.Start.AddDays(60)
            : _today > _calendar.LastLessonDay ? _calendar.LastLessonDay
            : _today;
        var leavingClass = ClassOf(_spec.DepartureClass);
        var (from, to) = (ClassOf(_spec.Transfer.From), ClassOf(_spec.Transfer.To));
        var target = ClassOf(_spec.ArrivalClass);
        var departure = SchoolDay(anchor.AddDays(-33), leavingClass);
        var transfer = SchoolDay(anchor.AddDays(-24), to);
        var arrival = SchoolDay(anchor.AddDays(-17), target);

        var leaving = PickPlain(leavingClass, named);
        var stay = leaving.Enrolments[0];
        stay.ToDate = departure;
        stay.DepartureReason = leaving.Pupil.Sex == Sex.Male ? "Выбыл в другую школу" : "Выбыла в другую школу";
        stay.DepartureOrder = Order(231, departure);
        leaving.Stays[0] = (leaving.Stays[0].Class, leaving.Stays[0].From, departure);

        var moving = PickPlain(from, named);
        var old = moving.Enrolments[0];
        old.ToDate = transfer.AddDays(-1);
        old.DepartureReason = $"Перевод в {to.Name} класс";
        old.DepartureOrder = Order(240, transfer);
        moving.Stays[0] = (from, moving.Stays[0].From, transfer.AddDays(-1));
        Enrol(moving, to, transfer, $"Перевод из {from.Name} класса", old.DepartureOrder);

        var sex = _names.Next(2) == 0 ? Sex.Male : Sex.Female;
        DemoPersonName name;
        do
        {
            name = DemoNames.Child(_names, sex);
        }
        while (_usedNames.Contains(name.Full));

        var newcomer = NewPupil(name, target.Grade, null);
        Enrol(newcomer, target, arrival, sex == Sex.Male ? "Прибыл из другой школы" : "Прибыла из другой школы", Order(247, arrival));
    }

    private static string Order(int number, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"№ {number}-о от {date:dd.MM.yyyy}");

    /// <summary>The first day with lessons for the class on or after the date.</summary>
    private DateOnly SchoolDay(DateOnly date, ClassInfo info)
    {
        while (!_calendar.IsSchoolDay(date, info.Grade, info.Kind) && date < _calendar.LastLessonDay)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private PupilInfo PickPlain(ClassInfo info, HashSet<PupilInfo> named)
    {
        var candidates = info.Roster.Where(p => !named.Contains(p) && p.Stays.Count == 1).ToList();
        return candidates[_names.Next(candidates.Count)];
    }

    private void BuildSubgroups()
    {
        foreach (var info in _classes)
        {
            foreach (var (subject, _) in ForGrade(info.Grade).Where(s => IsSplit(s.Subject.Name, info.Grade)))
            {
                var groups = new Subgroup[2];
                for (var g = 0; g < 2; g++)
                {
                    groups[g] = new Subgroup
                    {
                        SchoolId = _schoolId,
                        ClassId = info.Class.Id,
                        SubjectId = _subjects[subject.Name].Id,
                        Name = string.Create(CultureInfo.InvariantCulture, $"{g + 1} группа"),
                    };
                    _data.Subgroups.Add(groups[g]);
                    _subgroupMembers[groups[g].Id] = [];
                }

                info.Groups[subject.Name] = groups;

                // Split by the class list at the start of the year; later arrivals join the smaller group.
                var firstDay = info.Roster.Where(p => p.Stays.Any(s => s.Class == info && s.From == _calendar.Start))
                    .OrderBy(p => p.Pupil.LastName, StringComparer.Ordinal).ThenBy(p => p.Pupil.FirstName, StringComparer.Ordinal)
                    .ToList();
                for (var i = 0; i < firstDay.Count; i++)
                {
                    AddToGroup(groups[i < (firstDay.Count + 1) / 2 ? 0 : 1], firstDay[i]);
                }

                foreach (var late in info.Roster.Except(firstDay))
                {
                    AddToGroup(_subgroupMembers[groups[0].Id].Count <= _subgroupMembers[groups[1].Id].Count ? groups[0] : groups[1], late);
                }
            }
        }
    }

    private void AddToGroup(Subgroup group, PupilInfo pupil)
    {
        _subgroupMembers[group.Id].Add(pupil);
        _data.SubgroupMembers.Add(new SubgroupMember { SchoolId = _schoolId, SubgroupId = group.Id, PupilId = pupil.Pupil.Id });
    }

    private ClassInfo ClassOf(string name) => _classes.Single(c => c.Name == name);

    private PupilInfo NewPupil(DemoPersonName name, int grade, double? ability)
    {
        _usedNames.Add(name.Full);

        // 6.5 to 7.5 years old on 1 September in grade 1, a year more for each grade above.
        var birth = new DateOnly(_calendar.StartYear - grade - 5, 9, 1).AddDays(-(180 + _names.Next(366)));
        var pupil = new Pupil
        {
            SchoolId = _schoolId,
            LastName = name.LastName,
            FirstName = name.FirstName,
            MiddleName = name.MiddleName,
            BirthDate = birth,
            Sex = name.Sex,
        };
        _data.Pupils.Add(pupil);

        var roll = _names.NextDouble();
        var level = ability ?? roll switch
        {
            < 0.15 => 4.5 + (_names.NextDouble() * 0.4),
            < 0.55 => 3.9 + (_names.NextDouble() * 0.5),
            < 0.90 => 3.3 + (_names.NextDouble() * 0.5),
            _ => 2.7 + (_names.NextDouble() * 0.5),
        };
        var offsets = new double[DemoCurriculum.Subjects.Count];
        for (var i = 0; i < offsets.Length; i++)
        {
            offsets[i] = (_names.NextDouble() - 0.5) * 0.6;
        }

        var sickly = _names.Next(20) == 0 ? 2.5 : 0.3 + (_names.NextDouble() * 1.4);
        var truant = level < 3.3 && _names.Next(3) == 0;
        return new PupilInfo(pupil, level, offsets, sickly, truant);
    }

    private void Enrol(PupilInfo pupil, ClassInfo info, DateOnly from, string reason, string order)
    {
        var enrolment = new Enrolment
        {
            SchoolId = _schoolId,
            PupilId = pupil.Pupil.Id,
            ClassId = info.Class.Id,
            FromDate = from,
            ArrivalReason = reason,
            ArrivalOrder = order,
        };
        _data.Enrolments.Add(enrolment);
        pupil.Enrolments.Add(enrolment);
        pupil.Stays.Add((info, from, null));
        if (!info.Roster.Contains(pupil))
        {
            info.Roster.Add(pupil);
        }
    }

    private void BuildAssignmentsAndTimetable(Random random)
    {
        var units = new List<List<DemoUnit>>();
        foreach (var info in _classes)
        {
            var classUnits = new List<DemoUnit>();
            foreach (var (subject, hours) in ForGrade(info.Grade))
            {
                var teachers = _teachers.Where(t => t.Spec.Teaches(subject.Name, info.Name)).ToList();
                if (teachers.Count == 0)
                {
                    throw new InvalidOperationException($"Nobody teaches {subject.Name} in {info.Name} of {_spec.Slug}.");
                }

                var parts = new List<DemoUnitPart>();
                if (IsSplit(subject.Name, info.Grade))
                {
                    var groups = info.Groups[subject.Name];
                    for (var g = 0; g < 2; g++)
                    {
                        parts.Add(Assign(info, subject, hours, teachers[g % teachers.Count], groups[g]));
                    }
                }
                else
                {
                    parts.Add(Assign(info, subject, hours, teachers[0], null));
                }

                classUnits.Add(new DemoUnit(info.Index, subject.Name, hours, [.. parts]));
            }

            units.Add(classUnits);
        }

        foreach (var placement in DemoTimetable.Solve(units, _teachers.Count, random)
                     .OrderBy(p => p.Unit.ClassIndex).ThenBy(p => p.Day).ThenBy(p => p.Number))
        {
            foreach (var part in placement.Unit.Parts)
            {
                var entry = new TimetableEntry
                {
                    SchoolId = _schoolId,
                    AcademicYearId = YearId,
                    AssignmentId = part.AssignmentId,
                    DayOfWeek = (DayOfWeek)(placement.Day + 1),
                    LessonNumber = placement.Number,
                    RoomId = part.RoomId,
                };
                _data.Timetable.Add(entry);
                _classes[placement.Unit.ClassIndex].Week[placement.Day].Add(entry);
            }
        }
    }

    private DemoUnitPart Assign(ClassInfo info, DemoSubject subject, int hours, Teacher teacher, Subgroup? group)
    {
        var assignment = new TeachingAssignment
        {
            SchoolId = _schoolId,
            ClassId = info.Class.Id,
            SubjectId = _subjects[subject.Name].Id,
            SubgroupId = group?.Id,
            TeacherId = teacher.Membership.Id,
        };
        _data.Assignments.Add(assignment);
        _assignments[assignment.Id] = new AssignmentInfo(assignment, info, subject, hours, teacher, _journal.Next(8));
        var room = subject.Name == Sport ? _gym : teacher.Room;
        return new DemoUnitPart(assignment.Id, teacher.Index, room.Id);
    }

    /// <summary>
    /// Each pupil's days: illnesses of several days (Б in every lesson, н while the note is not yet
    /// brought), a day off without reason, competitions (У), being late for the first lesson.
    /// </summary>
    private void BuildAbsenceDays()
    {
        var days = new List<DateOnly>();
        for (var date = _calendar.Start; date < _today && date <= _calendar.LastLessonDay; date = date.AddDays(1))
        {
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days.Add(date);
            }
        }

        foreach (var pupil in _classes.SelectMany(c => c.Roster).Distinct())
        {
            var illLeft = 0;
            var illKind = DayKind.Ill;
            foreach (var date in days)
            {
                if (illLeft > 0)
                {
                    illLeft--;
                    _days[(pupil, date)] = new DayStatus(illKind, 0);
                    continue;
                }

                var roll = _journal.NextDouble();
                if (roll < 0.0085 * pupil.Sickliness)
                {
                    illLeft = 2 + _journal.Next(5);
                    illKind = date >= _today.AddDays(-7) || _journal.Next(12) == 0 ? DayKind.Absent : DayKind.Ill;
                    _days[(pupil, date)] = new DayStatus(illKind, 0);
                }
                else if (roll < 0.0085 * pupil.Sickliness + (pupil.Truant ? 0.012 : 0.002))
                {
                    _days[(pupil, date)] = new DayStatus(DayKind.Absent, 0);
                }
                else if (_journal.NextDouble() < 0.003)
                {
                    _days[(pupil, date)] = new DayStatus(DayKind.ValidReason, 0);
                }
                else if (_journal.NextDouble() < (pupil.Truant ? 0.03 : 0.006))
                {
                    _days[(pupil, date)] = new DayStatus(DayKind.SkipOne, 2 + _journal.Next(5));
                }
                else if (_journal.NextDouble() < 0.012)
                {
                    _days[(pupil, date)] = new DayStatus(DayKind.Late, 0);
                }
            }
        }
    }

    /// <summary>
    /// A КТП per subject × grade level with a topic list, shaped like the lessons' topics (DemoTopics.Topic):
    /// each topic takes «span» lessons, then review topics, until the curriculum's hours are used up.
    /// </summary>
    private void BuildPlans()
    {
        var homework = new Random(_spec.Seed + 3); // its own sequence: the journal's stays as it was
        foreach (var group in _assignments.Values.GroupBy(a => (a.Subject.Name, a.Class.Grade)).OrderBy(g => g.Key))
        {
            var (subjectName, grade) = group.Key;
            var subject = group.First().Subject;
            var titles = DemoTopics.For(subjectName, grade);
            if (titles.Length == 0)
            {
                continue;
            }

            var hours = subject.Weekly(grade) * WeeksInYear(grade);
            var span = Math.Clamp((int)Math.Ceiling(hours / (double)titles.Length), 1, 4);
            var plan = new LessonPlan
            {
                SchoolId = _schoolId,
                AcademicYearId = YearId,
                SubjectId = _subjects[subjectName].Id,
                Grade = grade,
                AuthorId = group.First().Teacher.Membership.Id,
                UpdatedAt = At(_calendar.Start.AddDays(-7), new TimeOnly(10, 0)), // prepared before the year began
            };
            var topics = new List<PlanTopic>();
            for (var index = 0; index * span < hours; index++)
            {
                topics.Add(new PlanTopic
                {
                    SchoolId = _schoolId,
                    PlanId = plan.Id,
                    Position = index + 1,
                    Title = index < titles.Length ? titles[index] : $"Повторение и обобщение: {titles[index % titles.Length]}",
                    Hours = Math.Min(span, hours - (index * span)),
                    Homework = grade == 1 ? null : DemoTopics.Homework(subject, subject.Weekly(grade), index * span, homework),
                });
            }

            _data.LessonPlans.Add(plan);
            _data.PlanTopics.AddRange(topics);
            _plans[group.Key] = (span, topics);
        }
    }

    private void BuildLessons()
    {
        var bells = _data.BellSlots.ToDictionary(b => b.Number);
        var lastPastDay = new Dictionary<ClassInfo, DateOnly>();
        foreach (var info in _classes)
        {
            for (var date = _today.AddDays(-1); date >= _calendar.Start; date = date.AddDays(-1))
            {
                if (_calendar.IsSchoolDay(date, info.Grade, info.Kind))
                {
                    lastPastDay[info] = date;
                    break;
                }
            }
        }

        for (var date = _calendar.Start; date <= _calendar.LastLessonDay; date = date.AddDays(1))
        {
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            foreach (var info in _classes)
            {
                if (!_calendar.IsSchoolDay(date, info.Grade, info.Kind))
                {
                    continue;
                }

                foreach (var entry in info.Week[(int)date.DayOfWeek - 1])
                {
                    var assignment = _assignments[entry.AssignmentId];
                    var lesson = new Lesson
                    {
                        SchoolId = _schoolId,
                        AssignmentId = entry.AssignmentId,
                        Date = date,
                        LessonNumber = entry.LessonNumber,
                        RoomId = entry.RoomId,
                        TimetableEntryId = entry.Id,
                    };
                    _data.Lessons.Add(lesson);
                    var k = assignment.Given++;
                    if (date >= _today)
                    {
                        continue;
                    }

                    // A few lessons of the last day are not filled in yet: the monitoring has something to show.
                    if (lastPastDay.TryGetValue(info, out var last) && last == date && _journal.Next(10) == 0)
                    {
                        continue;
                    }

                    FillPastLesson(lesson, assignment, k, bells[entry.LessonNumber]);
                }
            }
        }
    }

    private void FillPastLesson(Lesson lesson, AssignmentInfo assignment, int k, BellSlot bell)
    {
        var subject = assignment.Subject;
        var grade = assignment.Class.Grade;
        // A written control work roughly every eighth lesson of a subject, never in the first weeks.
        var isControl = grade > 1 && k >= 6 && (k + assignment.ControlOffset) % 8 == 7;
        var topic = DemoTopics.Topic(subject, grade, k, practice: !isControl);
        var kindName = isControl ? ControlKindFor(subject, assignment.Controls) : OrdinaryKindFor(subject);
        lesson.Topic = isControl ? ControlTopic(kindName, topic) : topic;
        // Topic and homework are written during the lesson (DL-1), so the seed has no late ones.
        var written = At(lesson.Date, bell.StartTime.AddMinutes(5));
        lesson.DetailsEnteredAt = Clamp(written, written);
        lesson.HomeworkEnteredAt = lesson.DetailsEnteredAt;
        if (_plans.TryGetValue((subject.Name, grade), out var plan) && k / plan.Span < plan.Topics.Count)
        {
            lesson.PlanTopicId = plan.Topics[k / plan.Span].Id;
        }

        if (grade == 1)
        {
            lesson.NoHomework = true;
        }
        else
        {
            var homework = DemoTopics.Homework(subject, assignment.Weekly, k, _journal);
            var roll = _journal.Next(100);
            if (homework is null || roll < 8)
            {
                lesson.NoHomework = true;
            }
            else if (roll >= 10)
            {
                lesson.Homework = homework;
            }
        }

        var start = At(lesson.Date, bell.StartTime.AddMinutes(5 + _journal.Next(10)));
        var end = At(lesson.Date, bell.EndTime);
        var author = assignment.Teacher.Membership.Id;

        // Who was there: the class (or the group) on that date, without those absent.
        var present = new List<PupilInfo>();
        var absent = new List<PupilInfo>();
        foreach (var pupil in assignment.Class.Roster)
        {
            if (!pupil.IsIn(assignment.Class, lesson.Date)
                || (assignment.Assignment.SubgroupId is { } group && !_subgroupMembers[group].Contains(pupil)))
            {
                continue;
            }

            var kind = AbsenceOf(pupil, lesson.Date, lesson.LessonNumber);
            if (kind is not null)
            {
                _data.Absences.Add(new Absence
                {
                    SchoolId = _schoolId,
                    LessonId = lesson.Id,
                    PupilId = pupil.Pupil.Id,
                    Kind = kind.Value,
                    AuthorId = author,
                    EnteredAt = Clamp(start, start),
                });
            }

            if (kind is null or AttendanceKind.Late)
            {
                present.Add(pupil);
            }
            else
            {
                absent.Add(pupil);
            }
        }

        if (grade == 1 || present.Count == 0)
        {
            return; // JRN-4: no marks in grade 1.
        }

        var workKind = _kinds[kindName];
        var work = new Work
        {
            SchoolId = _schoolId,
            LessonId = lesson.Id,
            KindId = workKind.Id,
            Weight = workKind.DefaultWeight,
            Title = isControl ? string.Create(CultureInfo.InvariantCulture, $"{kindName} № {assignment.Controls + 1}") : null,
        };
        _data.Works.Add(work);
        if (isControl)
        {
            assignment.Controls++;
        }

        var count = kindName switch
        {
            _ when isControl => present.Count,
            IndependentKind or TestKind => (int)Math.Ceiling(present.Count * (0.7 + (_journal.NextDouble() * 0.3))),
            HomeworkKind => 4 + _journal.Next(7),
            _ when subject.Style == SubjectStyle.Sport => 5 + _journal.Next(8),
            _ => 3 + _journal.Next(5),
        };
        var marked = present.OrderBy(_ => _journal.Next()).Take(Math.Min(count, present.Count)).ToList();

        var entered = Clamp(EnteredAt(lesson.Date, end, workKind.IsControl || kindName == EssayKind), end);
        var doubleMark = kindName is DictationKind or EssayKind;
        var adjust = isControl ? -0.25 : kindName is IndependentKind or TestKind ? -0.1 : 0.1;
        var subjectIndex = IndexOf(subject);
        var dotGiven = !(kindName == HomeworkKind && _journal.Next(4) == 0);
        foreach (var pupil in marked)
        {
            MarkValue value;
            if (!dotGiven)
            {
                value = MarkValue.Dot; // homework not handed in: a debt
                dotGiven = true;
            }
            else
            {
                var first = Draw(pupil, subjectIndex, adjust);
                value = doubleMark
                    ? MarkValue.DoubleMark(first, Math.Clamp(Draw(pupil, subjectIndex, adjust), first - 1, first + 1))
                    : MarkValue.Grade(first);
            }

            _data.Marks.Add(new Mark
            {
                SchoolId = _schoolId,
                WorkId = work.Id,
                PupilId = pupil.Pupil.Id,
                Value = value,
                AuthorId = author,
                EnteredAt = entered,
            });
        }

        // A control work missed in the last two weeks is still owed: «точка».
        if (isControl && lesson.Date >= _today.AddDays(-14))
        {
            foreach (var pupil in absent.Where(_ => _journal.Next(5) < 3))
            {
                _data.Marks.Add(new Mark
                {
                    SchoolId = _schoolId,
                    WorkId = work.Id,
                    PupilId = pupil.Pupil.Id,
                    Value = MarkValue.Dot,
                    AuthorId = author,
                    EnteredAt = entered,
                });
            }
        }
    }

    private static int IndexOf(DemoSubject subject)
    {
        var all = DemoCurriculum.Subjects;
        for (var i = 0; i < all.Count; i++)
        {
            if (ReferenceEquals(all[i], subject))
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>A mark around the pupil's level in the subject: mostly their usual mark, sometimes one off.</summary>
    private int Draw(PupilInfo pupil, int subjectIndex, double adjust)
    {
        // Box–Muller: a normal deviate.
        var u1 = 1.0 - _journal.NextDouble();
        var u2 = _journal.NextDouble();
        var noise = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2) * 0.6;
        var mark = (int)Math.Round(pupil.Ability + pupil.SubjectOffsets[subjectIndex] + adjust + noise, MidpointRounding.AwayFromZero);
        return Math.Clamp(mark, 2, 5);
    }

    private AttendanceKind? AbsenceOf(PupilInfo pupil, DateOnly date, int lessonNumber)
    {
        if (!_days.TryGetValue((pupil, date), out var day))
        {
            return null;
        }

        return day.Kind switch
        {
            DayKind.Ill => AttendanceKind.Ill,
            DayKind.Absent => AttendanceKind.Absent,
            DayKind.ValidReason => AttendanceKind.ValidReason,
            DayKind.Late when lessonNumber == 1 => AttendanceKind.Late,
            DayKind.SkipOne when lessonNumber == day.Lesson => AttendanceKind.Absent,
            _ => null,
        };
    }

    /// <summary>
    /// When the marks went in: current marks right after the lesson or in the evening (DL-1), written
    /// works one to three days later (DL-2), now and then a late one for the monitoring to find.
    /// </summary>
    private DateTimeOffset EnteredAt(DateOnly date, DateTimeOffset lessonEnd, bool written)
    {
        if (!written)
        {
            return _journal.Next(5) == 0
                ? At(date, new TimeOnly(17 + _journal.Next(3), _journal.Next(60)))
                : lessonEnd.AddMinutes(_journal.Next(40));
        }

        var days = _journal.Next(25) == 0 ? 5 + _journal.Next(3) : 1 + _journal.Next(3);
        return At(date.AddDays(days), new TimeOnly(15 + _journal.Next(5), _journal.Next(60)));
    }

    /// <summary>Nothing is entered in the future: what would be is entered right after the lesson instead.</summary>
    private DateTimeOffset Clamp(DateTimeOffset moment, DateTimeOffset afterLesson)
    {
        var latest = _now.ToUniversalTime().AddMinutes(-5);
        return moment <= latest ? moment : afterLesson <= latest ? afterLesson : latest;
    }

    /// <summary>A local time of the school as a UTC instant (PostgreSQL timestamptz takes UTC).</summary>
    private DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string ControlTopic(string kind, string topic)
    {
        var inner = topic.Replace('«', '„').Replace('»', '“');
        return kind switch
        {
            DictationKind => $"Контрольный диктант по теме «{inner}»",
            EssayKind => $"Сочинение по теме «{inner}»",
            LabKind => $"Лабораторная работа по теме «{inner}»",
            PracticalKind => $"Практическая работа по теме «{inner}»",
            TestKind => $"Тестирование по теме «{inner}»",
            _ => $"Контрольная работа по теме «{inner}»",
        };
    }

    private static string ControlKindFor(DemoSubject subject, int controls) => subject.Style switch
    {
        SubjectStyle.Russian => controls % 2 == 0 ? DictationKind : ControlKind,
        SubjectStyle.Literature => controls % 2 == 0 ? EssayKind : TestKind,
        SubjectStyle.ForeignLanguage or SubjectStyle.Humanities => controls % 2 == 0 ? TestKind : ControlKind,
        SubjectStyle.Science => controls % 2 == 0 ? LabKind : ControlKind,
        SubjectStyle.Informatics => controls % 2 == 0 ? PracticalKind : ControlKind,
        SubjectStyle.Arts or SubjectStyle.Sport or SubjectStyle.Project => PracticalKind,
        SubjectStyle.Safety => TestKind,
        _ => ControlKind,
    };

    private string OrdinaryKindFor(DemoSubject subject)
    {
        if (subject.Style is SubjectStyle.Arts or SubjectStyle.Sport or SubjectStyle.Project)
        {
            return AnswerKind;
        }

        var roll = _journal.Next(100);
        return roll switch
        {
            < 66 => AnswerKind,
            < 78 => IndependentKind,
            < 86 => TestKind,
            _ => HomeworkKind,
        };
    }

    private enum DayKind
    {
        Ill,
        Absent,
        ValidReason,
        Late,
        SkipOne,
    }

    private readonly record struct DayStatus(DayKind Kind, int Lesson);

    private sealed record Teacher(int Index, DemoTeacherSpec Spec, Membership Membership, Room Room);

    private sealed class ClassInfo(int index, SchoolClass schoolClass, PeriodKind kind)
    {
        public int Index { get; } = index;

        public SchoolClass Class { get; } = schoolClass;

        public PeriodKind Kind { get; } = kind;

        public int Grade => Class.Grade;

        public string Name => Class.Name;

        /// <summary>Everyone who was in the class at some time this year.</summary>
        public List<PupilInfo> Roster { get; } = [];

        public Dictionary<string, Subgroup[]> Groups { get; } = [];

        /// <summary>Timetable entries by day, Monday = 0.</summary>
        public List<TimetableEntry>[] Week { get; } = [.. Enumerable.Range(0, DemoTimetable.Days).Select(_ => new List<TimetableEntry>())];
    }

    private sealed class PupilInfo(Pupil pupil, double ability, double[] subjectOffsets, double sickliness, bool truant)
    {
        public Pupil Pupil { get; } = pupil;

        public double Ability { get; } = ability;

        public double[] SubjectOffsets { get; } = subjectOffsets;

        public double Sickliness { get; } = sickliness;

        public bool Truant { get; } = truant;

        public List<Enrolment> Enrolments { get; } = [];

        public List<(ClassInfo Class, DateOnly From, DateOnly? To)> Stays { get; } = [];

        public bool IsIn(ClassInfo info, DateOnly date) =>
            Stays.Any(s => s.Class == info && s.From <= date && (s.To is null || date <= s.To));
    }

    private sealed class AssignmentInfo(
        TeachingAssignment assignment, ClassInfo info, DemoSubject subject, int weekly, Teacher teacher, int controlOffset)
    {
        public TeachingAssignment Assignment { get; } = assignment;

        public ClassInfo Class { get; } = info;

        public DemoSubject Subject { get; } = subject;

        public int Weekly { get; } = weekly;

        public Teacher Teacher { get; } = teacher;

        public int ControlOffset { get; } = controlOffset;

        /// <summary>Lessons generated so far (the index of the next one).</summary>
        public int Given { get; set; }

        public int Controls { get; set; }
    }
}
