# LibreOffice for the render tests, sourced after readback_lib.sh (which
# gives $dir): skips (status 77) without soffice or pdftotext; a private
# profile, so parallel runs and users without a home work, that
# recalculates every formula of a workbook it loads; and
#   lo_convert FORMAT FILE OUTDIR
# soffice's conversion, quietly (its output in $dir/soffice.out).

for tool in soffice pdftotext; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "SKIP: no $tool (install libreoffice-calc-nogui poppler-utils)"
		exit 77
	fi
done

mkdir -p "$dir/lo/user"
cat >"$dir/lo/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU

lo_convert() {
	soffice -env:UserInstallation="file://$dir/lo" --headless \
		--convert-to "$1" --outdir "$3" "$2" >"$dir/soffice.out" 2>&1 &&
		[ -s "$3/$(basename "${2%.*}").${1%%:*}" ]
}
