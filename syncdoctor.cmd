@echo off
rem syncdoctor launcher for Windows: builds the program on first use (needs Maven), then runs it with
rem the same arguments, rules folder and exit codes as ./syncdoctor. In an unpacked release (bin\ and
rem lib\ side by side) it runs lib\syncdoctor.jar and builds nothing.
setlocal
set "here=%~dp0"
rem home: where this installation's own rules\ folder sits: read when no other folder is named
set "home=%here%.."
set "jar=%here%..\lib\syncdoctor.jar"
if exist "%jar%" goto run
set "home=%here%."
set "jar=%here%target\syncdoctor.jar"
if exist "%jar%" goto run
echo syncdoctor: building the program (first use, about a minute)... 1>&2
pushd "%here%"
call mvn -B -q -ntp -Dstyle.color=never -DskipTests -Dassembly.skipAssembly=true package 1>&2
set "built=%errorlevel%"
popd
if not "%built%"=="0" (
  echo syncdoctor: the build failed ^(see above^) 1>&2
  exit /b 1
)
:run
rem Short commands use the JIT's quick tier only (less CPU spent compiling); the server keeps the full JIT.
set "jit=-XX:TieredStopAtLevel=1"
if /i "%~1"=="serve" set "jit="
rem UTF-8 for file names and output, whatever the console code page.
java -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 %jit% %SYNCDOCTOR_JAVA_OPTS% "-Dsyncdoctor.home=%home%" -jar "%jar%" %*
exit /b %errorlevel%
