using System.Reflection;
using Journal.Domain;
using Journal.Web.Data;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>The arrows of CONVENTIONS.md held by tests: areas stand alone; every school-owned entity is filtered.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Web = typeof(JournalDbContext).Assembly;

    private static List<string> AreaNames() => Web.GetTypes()
        .Select(t => t.Namespace)
        .OfType<string>()
        .Where(ns => ns.StartsWith("Journal.Web.Areas.", StringComparison.Ordinal))
        .Select(ns => ns.Split('.')[3])
        .Distinct()
        .Order()
        .ToList();

    public static TheoryData<string> Areas() => new(AreaNames());

    [Theory]
    [MemberData(nameof(Areas))]
    public void An_area_does_not_reference_another_area(string area)
    {
        var others = AreaNames().Where(a => a != area)
            .Select(a => $"Journal.Web.Areas.{a}").ToArray();

        var result = Types.InAssembly(Web).That().ResideInNamespace($"Journal.Web.Areas.{area}")
            .ShouldNot().HaveDependencyOnAny(others).GetResult();

        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Every_area_controller_derives_from_its_areas_base_with_the_role_policy()
    {
        var controllers = Web.GetTypes()
            .Where(t => t is { IsAbstract: false } && t.Name.EndsWith("Controller", StringComparison.Ordinal)
                        && t.Namespace?.StartsWith("Journal.Web.Areas.", StringComparison.Ordinal) == true)
            .ToList();
        controllers.Count.ShouldBeGreaterThanOrEqualTo(7);

        foreach (var controller in controllers)
        {
            var area = controller.Namespace!.Split('.')[3];
            controller.BaseType!.Name.ShouldBe($"{area}AreaController", controller.FullName);
        }
    }

    [Fact]
    public void Every_school_owned_entity_carries_the_school_query_filter()
    {
        using var db = new JournalDbContext(
            new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<JournalDbContext>()
                .UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options,
            new Tenancy.TenantContext());

        var owned = db.Model.GetEntityTypes().Where(e => typeof(ISchoolOwned).IsAssignableFrom(e.ClrType)).ToList();

        owned.Count.ShouldBeGreaterThan(20);
        foreach (var entity in owned)
        {
            entity.FindDeclaredQueryFilter(JournalDbContext.SchoolFilter).ShouldNotBeNull(entity.Name);
        }
    }
}
